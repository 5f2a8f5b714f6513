import pino, { Logger } from 'pino';
import { currentCorrelation } from './correlation';

/** Structured JSON logs (pino); every line carries the service and, when known, the correlation id. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    mixin() {
      const ctx = currentCorrelation();
      return ctx ? { correlationId: ctx.correlationId } : {};
    },
  });
}
export type { Logger };
