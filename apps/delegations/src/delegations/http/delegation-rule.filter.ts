import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DelegationRuleError } from '../domain/delegation-error';

interface Reply { status(code: number): Reply; json(body: unknown): void }

/** A broken domain rule is the caller's problem: 400 for input rules (naming the field), 409 for state rules. */
@Catch(DelegationRuleError)
export class DelegationRuleFilter implements ExceptionFilter {
  catch(e: DelegationRuleError, host: ArgumentsHost): void {
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
