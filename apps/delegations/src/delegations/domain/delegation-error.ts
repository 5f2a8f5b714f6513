import { DomainRuleError } from '@twinning/platform-http';

/** A broken delegation rule (e.g. `DELEGATION.END_BEFORE_START`): 400 with a field, 409 without. */
export class DelegationRuleError extends DomainRuleError {}
