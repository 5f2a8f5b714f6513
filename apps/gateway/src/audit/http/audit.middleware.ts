import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessTokenVerifier, AuthenticatedUser } from '@twinning/platform-auth';
import { AUDIT_RECORDED_HEADER } from '@twinning/platform-http';
import { CORRELATION_HEADER } from '@twinning/platform-observability';
import { AuditTrail } from '../application/audit-trail';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Express middleware, mounted before the proxy: every state-changing request through the gateway
 * (its own endpoints and the proxied ones) is recorded once the response is done, with the user and
 * organisation of its verified access token (never the token itself, never the body, never the
 * query string). It neither delays nor fails the request. A proxied request whose service answered
 * with AUDIT_RECORDED_HEADER is left to that service's own `audit.recorded` fact (consumed by
 * RecordServiceAuditConsumer), so it is in the trail once, written where the change was made.
 */
export function auditMiddleware(trail: AuditTrail, verifier: AccessTokenVerifier, clientAddressOf: (req: IncomingMessage) => string) {
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void): void => {
    const method = (req.method ?? '').toUpperCase();
    if (!STATE_CHANGING.has(method)) return next();
    const started = Date.now();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    // verified now (the token's state at the time of the request), awaited only after the response
    const caller: Promise<AuthenticatedUser | null> = token ? verifier.verify(token).catch(() => null) : Promise.resolve(null);
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0].slice(0, 2000);
    const correlation = req.headers[CORRELATION_HEADER];
    const address = clientAddressOf(req);
    res.once('close', () => {
      if (res.getHeader(AUDIT_RECORDED_HEADER)) return;
      const status = res.writableFinished ? res.statusCode : 499;
      void caller.then((user) =>
        trail.record({
          occurredAt: new Date(started),
          userId: user?.userId ?? null,
          organisationId: user?.organisationId ?? null,
          method,
          path,
          status,
          correlationId: typeof correlation === 'string' ? correlation : null,
          clientAddress: address,
          durationMs: Date.now() - started,
          source: 'gateway',
          action: 'write',
          subjectKind: null,
          subjectId: null,
          fields: null,
          eventId: null,
        }),
      );
    });
    next();
  };
}
