import { IdentityError } from './identity-error';

export interface PasswordResetFacts {
  expiresAt: Date;
  usedAt: Date | null;
  replacedAt: Date | null;
}

/** A reset link works once, before it expires, unless a newer link (or a reset done with another link) replaced it. */
export class PasswordResetState {
  static assertUsable(reset: PasswordResetFacts, now: Date): void {
    if (reset.usedAt) throw new IdentityError('gone', 'IDENTITY.RESET_USED', 'this reset link has already been used', 'token');
    if (reset.replacedAt) throw new IdentityError('gone', 'IDENTITY.RESET_REPLACED', 'this reset link was replaced by a newer one', 'token');
    if (reset.expiresAt.getTime() <= now.getTime()) throw new IdentityError('gone', 'IDENTITY.RESET_EXPIRED', 'this reset link has expired; ask for a new one', 'token');
  }
}
