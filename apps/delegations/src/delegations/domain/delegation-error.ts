/** A broken delegation rule, with a stable code (e.g. `DELEGATION.END_BEFORE_START`). */
export class DelegationRuleError extends Error {
  constructor(readonly code: string, message: string, readonly field?: string) {
    super(message);
    this.name = 'DelegationRuleError';
  }
}
