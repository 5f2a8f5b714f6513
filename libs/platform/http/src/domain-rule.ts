import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';

/**
 * A broken domain rule with a stable code (e.g. `DELEGATION.NO_MEMBERS`). With a field it is an
 * input rule (400 naming the field); without, a state rule (409). `details` travel in the answer
 * (counts, the member concerned) so a client can explain the rule without parsing the message.
 * Features subclass it (DelegationRuleError, ItineraryRuleError); the filter is global.
 */
export class DomainRuleError extends Error {
  constructor(readonly code: string, message: string, readonly field?: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
  }
}

interface Reply { status(code: number): Reply; json(body: unknown): void }

/** Answers a DomainRuleError in the shape of validation errors: `{ statusCode, code, message: [..], fields, details? }`. */
@Catch(DomainRuleError)
export class DomainRuleFilter implements ExceptionFilter {
  catch(e: DomainRuleError, host: ArgumentsHost): void {
    const status = e.field ? 400 : 409;
    host.switchToHttp().getResponse<Reply>().status(status).json({
      statusCode: status,
      code: e.code,
      message: [e.message],
      fields: e.field ? [{ field: e.field, messages: [e.message] }] : [],
      ...(e.details ? { details: e.details } : {}),
    });
  }
}
