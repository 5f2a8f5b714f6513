/**
 * A broken itinerary rule, with a stable code (e.g. `ITINERARY.LOCAL_TIME_GAP`). With a field it is
 * the caller's input (400 naming the field); without, a state rule (409).
 */
export class ItineraryRuleError extends Error {
  constructor(readonly code: string, message: string, readonly field?: string) {
    super(message);
    this.name = 'ItineraryRuleError';
  }
}
