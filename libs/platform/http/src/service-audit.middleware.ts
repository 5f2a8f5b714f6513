import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuditRecordedV1 } from '@twinning/contracts';
import { collectSensitiveReads } from '@twinning/platform-auth';
import { CORRELATION_HEADER } from '@twinning/platform-observability';
import { redactPath } from './correlation.middleware';
import { ServiceAuditFact, ServiceAuditRecorder } from './service-audit-recorder';

/**
 * Set by a service on the answer to a state-changing request it records itself; the gateway's audit middleware
 * then leaves that request to the service, so a request through the gateway is in the trail once. A client cannot
 * forge it (it is a response header from the service); without it (a service that is down, an anonymous request)
 * the gateway records the request as before.
 */
export const AUDIT_RECORDED_HEADER = 'x-audit-recorded-by';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every service's audit hook, mounted right after the correlation middleware: a state-changing request with a valid
 * token is recorded (`write`: method, path, status) and so is each person whose medical notes or guardians' contacts
 * the answer disclosed (`sensitive-read`, noted by `disclose` in the sensitive-fields rule), once the answer went
 * out, through the service's outbox. No body, query string, token or field value is recorded.
 */
export function serviceAuditMiddleware(recorder: ServiceAuditRecorder) {
  const { service, enabled } = recorder.options;
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: (err?: unknown) => void): void => {
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    if (!enabled || path === '/health') return next();
    const method = (req.method ?? '').toUpperCase();
    const started = Date.now();
    void recorder.caller(req.headers.authorization).then((user) => {
      const write = STATE_CHANGING.has(method) && !!user;
      if (write) res.setHeader(AUDIT_RECORDED_HEADER, service);
      const { collected } = collectSensitiveReads(() => {
        try {
          next();
        } catch (e) {
          next(e);
        }
      });
      if (!user) return;
      res.once('close', () => {
        const status = res.writableFinished ? res.statusCode : 499;
        const base = {
          service, userId: user.userId, method, path: redactPath(path).slice(0, 2000), status, durationMs: Date.now() - started, clientAddress: req.socket?.remoteAddress?.slice(0, 100) ?? null,
        };
        const correlation = req.headers[CORRELATION_HEADER];
        const fact = (payload: AuditRecordedV1): ServiceAuditFact => ({ organisationId: user.organisationId, correlationId: typeof correlation === 'string' && correlation ? correlation : undefined, payload });
        const facts: ServiceAuditFact[] = write ? [fact({ ...base, action: 'write' })] : [];
        // a refused or failed answer disclosed nothing
        if (status < 400) for (const r of collected()) facts.push(fact({ ...base, action: 'sensitive-read', subjectKind: r.subjectKind, subjectId: r.subjectId, fields: r.fields }));
        recorder.record(facts);
      });
    });
  };
}
