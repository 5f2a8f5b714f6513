import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { ItineraryRuleError } from '../domain/itinerary-error';

interface Reply { status(code: number): Reply; json(body: unknown): void }

/** A broken itinerary rule: 400 naming the field for input rules, 409 for state rules (closed delegation, outside the visit). */
@Catch(ItineraryRuleError)
export class ItineraryRuleFilter implements ExceptionFilter {
  catch(e: ItineraryRuleError, host: ArgumentsHost): void {
    const status = e.field ? 400 : 409;
    host.switchToHttp().getResponse<Reply>().status(status).json({
      statusCode: status,
      code: e.code,
      message: [e.message],
      fields: e.field ? [{ field: e.field, messages: [e.message] }] : [],
    });
  }
}
