import { randomUUID } from 'node:crypto';
import { NestMiddleware } from '@nestjs/common';
import { CORRELATION_HEADER, createLogger, Logger, runWithCorrelation, sanitizeCorrelationId } from '@twinning/platform-observability';

interface Req { headers: Record<string, string | string[] | undefined>; method: string; originalUrl?: string; url: string }
interface Res { setHeader(name: string, value: string): void; on(ev: 'finish', cb: () => void): void; statusCode: number }

/**
 * What a log line may show of a request's URL. A secret carried in a path (a calendar feed's token:
 * `/calendar/<token>.ics`) is redacted; of the query only the parameter names are kept, because a query
 * is where bearer secrets travel (the web app's `/accept-invitation?token=...` link) and a list of names
 * to redact would miss the next one.
 */
export function redactPath(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).replace(/\/calendar\/[^/?#]+?(\.ics)?(?=[/#]|$)/g, '/calendar/[redacted]$1');
  if (at < 0) return path;
  const names = url.slice(at + 1).split('#')[0].split('&').filter(Boolean).map((pair) => `${pair.split('=')[0]}=[redacted]`);
  return names.length ? `${path}?${names.join('&')}` : path;
}

/**
 * Takes `x-correlation-id` from the request (or makes one), echoes it in the response, and runs
 * the rest of the request inside that correlation context, so logs and outbox events carry it.
 */
export class CorrelationMiddleware implements NestMiddleware {
  private readonly log: Logger;

  constructor(service: string) {
    this.log = createLogger(`${service}.http`);
  }

  use(req: Req, res: Res, next: () => void): void {
    const correlationId = sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID();
    req.headers[CORRELATION_HEADER] = correlationId;
    res.setHeader(CORRELATION_HEADER, correlationId);
    const started = process.hrtime.bigint();
    const log = this.log;
    runWithCorrelation({ correlationId }, () => {
      res.on('finish', () =>
        runWithCorrelation({ correlationId }, () =>
          log.info({ method: req.method, url: redactPath(req.originalUrl ?? req.url), status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request'),
        ),
      );
      next();
    });
  }
}
