/**
 * A broken delegation rule, with a stable code (e.g. `DELEGATION.END_BEFORE_START`). With a field it
 * is an input rule (400); without, a state rule (409). `details` travel in the answer (counts, the
 * member concerned) so a client can explain the rule without parsing the message.
 */
export class DelegationRuleError extends Error {
  constructor(readonly code: string, message: string, readonly field?: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = 'DelegationRuleError';
  }
}
