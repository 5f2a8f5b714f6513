import { IdentityError } from './identity-error';

export interface InvitationFacts {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** An invitation can be accepted once, before it expires, unless a newer invitation replaced it. */
export class InvitationState {
  static assertAcceptable(inv: InvitationFacts, now: Date): void {
    if (inv.acceptedAt) throw new IdentityError('gone', 'IDENTITY.INVITATION_USED', 'this invitation has already been used', 'token');
    if (inv.revokedAt) throw new IdentityError('gone', 'IDENTITY.INVITATION_REVOKED', 'this invitation was replaced by a newer one', 'token');
    if (inv.expiresAt.getTime() <= now.getTime()) {
      throw new IdentityError('gone', 'IDENTITY.INVITATION_EXPIRED', 'this invitation has expired; ask an admin for a new one', 'token');
    }
  }
}
