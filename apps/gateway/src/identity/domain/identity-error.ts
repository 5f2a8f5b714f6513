export type IdentityErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'gone' | 'too-many';

/** A broken identity rule with a stable code (e.g. `IDENTITY.LAST_ADMIN`); the HTTP layer maps `kind` to a status. */
export class IdentityError extends Error {
  constructor(
    readonly kind: IdentityErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds the caller should wait (kind `too-many`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}
