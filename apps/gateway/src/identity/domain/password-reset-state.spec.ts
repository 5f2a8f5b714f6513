import { IdentityError } from './identity-error';
import { PasswordResetState } from './password-reset-state';

const now = new Date('2027-04-14T10:00:00Z');
const codeOf = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof IdentityError ? `${e.kind} ${e.code}` : String(e);
  }
};

describe('PasswordResetState', () => {
  const fresh = { expiresAt: new Date('2027-04-14T11:00:00Z'), usedAt: null, replacedAt: null };

  it('lets a fresh link be used', () => {
    expect(codeOf(() => PasswordResetState.assertUsable(fresh, now))).toBeUndefined();
  });

  it('refuses a used, replaced or expired link as gone', () => {
    expect(codeOf(() => PasswordResetState.assertUsable({ ...fresh, usedAt: now }, now))).toBe('gone IDENTITY.RESET_USED');
    expect(codeOf(() => PasswordResetState.assertUsable({ ...fresh, replacedAt: now }, now))).toBe('gone IDENTITY.RESET_REPLACED');
    expect(codeOf(() => PasswordResetState.assertUsable({ ...fresh, expiresAt: now }, now))).toBe('gone IDENTITY.RESET_EXPIRED');
  });
});
