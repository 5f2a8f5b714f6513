import { InvitationState } from './invitation-state';
import { RefreshTokenState } from './refresh-token-state';

describe('InvitationState', () => {
  const now = new Date('2027-04-10T10:00:00Z');
  const later = new Date('2027-04-17T10:00:00Z');

  it('accepts a pending invitation before it expires', () => {
    expect(() => InvitationState.assertAcceptable({ expiresAt: later, acceptedAt: null, revokedAt: null }, now)).not.toThrow();
  });

  it.each([
    ['used', { expiresAt: later, acceptedAt: now, revokedAt: null }, 'IDENTITY.INVITATION_USED'],
    ['revoked', { expiresAt: later, acceptedAt: null, revokedAt: now }, 'IDENTITY.INVITATION_REVOKED'],
    ['expired', { expiresAt: now, acceptedAt: null, revokedAt: null }, 'IDENTITY.INVITATION_EXPIRED'],
  ])('refuses an invitation that is %s (gone)', (_label, facts, code) => {
    expect(() => InvitationState.assertAcceptable(facts, now)).toThrow(expect.objectContaining({ code, kind: 'gone' }));
  });
});

describe('RefreshTokenState', () => {
  const now = new Date('2027-04-10T10:00:00Z');
  const live = new Date('2027-05-10T10:00:00Z');
  it('rotates a live token, detects reuse of a rotated one, refuses an ended session and an expired token', () => {
    expect(RefreshTokenState.verdict({ expiresAt: live, revokedAt: null, revokedReason: null }, now)).toBe('rotate');
    expect(RefreshTokenState.verdict({ expiresAt: live, revokedAt: now, revokedReason: 'rotated' }, now)).toBe('reused');
    expect(RefreshTokenState.verdict({ expiresAt: live, revokedAt: now, revokedReason: 'logout' }, now)).toBe('ended');
    expect(RefreshTokenState.verdict({ expiresAt: now, revokedAt: null, revokedReason: null }, now)).toBe('expired');
  });
});
