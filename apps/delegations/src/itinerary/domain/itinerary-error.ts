import { DomainRuleError } from '@twinning/platform-http';

/** A broken itinerary rule (e.g. `ITINERARY.LOCAL_TIME_GAP`): 400 naming the field, 409 for state rules. */
export class ItineraryRuleError extends DomainRuleError {}
