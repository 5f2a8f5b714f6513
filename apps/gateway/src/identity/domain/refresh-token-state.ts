export interface RefreshTokenFacts {
  expiresAt: Date;
  revokedAt: Date | null;
}

export type RefreshVerdict = 'rotate' | 'expired' | 'reused';

/**
 * Refresh tokens rotate: each is usable once and is replaced by a new one of the same family.
 * Presenting a token that was already rotated or revoked means it was copied: the whole family
 * (the session) is revoked.
 */
export class RefreshTokenState {
  static verdict(t: RefreshTokenFacts, now: Date): RefreshVerdict {
    if (t.revokedAt) return 'reused';
    if (t.expiresAt.getTime() <= now.getTime()) return 'expired';
    return 'rotate';
  }
}
