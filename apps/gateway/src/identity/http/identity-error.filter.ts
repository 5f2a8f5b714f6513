import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { IdentityError, IdentityErrorKind } from '../domain/identity-error';

interface Reply { status(code: number): Reply; setHeader(name: string, value: string): void; json(body: unknown): void }

const STATUS: Record<IdentityErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'too-many': 429,
};

/** A broken identity rule, as `{ statusCode, code, message: [..], fields }` (the shape of validation errors). */
@Catch(IdentityError)
export class IdentityErrorFilter implements ExceptionFilter {
  catch(e: IdentityError, host: ArgumentsHost): void {
    const status = STATUS[e.kind];
    const res = host.switchToHttp().getResponse<Reply>();
    if (e.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(e.retryAfterSeconds));
    res.status(status).json({
      statusCode: status,
      code: e.code,
      message: [e.message],
      fields: e.field && status === 400 ? [{ field: e.field, messages: [e.message] }] : [],
      ...(e.retryAfterSeconds !== undefined ? { retryAfterSeconds: e.retryAfterSeconds } : {}),
    });
  }
}
