export interface RefreshTokenFacts {
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export type RefreshVerdict = 'rotate' | 'expired' | 'reused' | 'ended';

/**
 * Refresh tokens rotate: each is usable once and is replaced by a new one of the same family.
 * Presenting a token that was already rotated means it was copied: the whole family (the session)
 * is revoked (`reused`). A token of a session that ended (logout, reuse detected, membership
 * ended) is simply refused (`ended`).
 */
export class RefreshTokenState {
  static verdict(t: RefreshTokenFacts, now: Date): RefreshVerdict {
    if (t.revokedAt) return t.revokedReason === 'rotated' ? 'reused' : 'ended';
    if (t.expiresAt.getTime() <= now.getTime()) return 'expired';
    return 'rotate';
  }
}
