import { AccountAdministration } from './account-administration';

const rejectsWith = (f: () => void, code: string) => expect(f).toThrow(expect.objectContaining({ code }));

describe('AccountAdministration', () => {
  it('removes any member but the last admin', () => {
    expect(() => AccountAdministration.assertMayRemove(['a1', 'a2'], 'a2')).not.toThrow();
    expect(() => AccountAdministration.assertMayRemove(['a1'], 'c1')).not.toThrow();
    rejectsWith(() => AccountAdministration.assertMayRemove(['a1'], 'a1'), 'IDENTITY.LAST_ADMIN');
  });

  it('disables an account only when the admin administers each of its organisations, and never their own', () => {
    const org = (organisationId: string, ...adminUserIds: string[]) => ({ organisationId, adminUserIds });
    expect(() => AccountAdministration.assertMayDisable('a1', 'c1', [org('A', 'a1')])).not.toThrow();
    expect(() => AccountAdministration.assertMayDisable('a1', 'c1', [org('A', 'a1'), org('B', 'a1', 'b1')])).not.toThrow();
    expect(() => AccountAdministration.assertMayDisable('a1', 'a2', [org('A', 'a1', 'a2')])).not.toThrow();
    rejectsWith(() => AccountAdministration.assertMayDisable('a1', 'a1', [org('A', 'a1', 'a2')]), 'IDENTITY.OWN_ACCOUNT');
    rejectsWith(() => AccountAdministration.assertMayDisable('a1', 'c1', [org('A', 'a1'), org('B', 'b1')]), 'IDENTITY.ACCOUNT_IN_OTHER_ORGANISATION');
    rejectsWith(() => AccountAdministration.assertMayDisable('a1', 'b1', [org('A', 'a1'), org('B', 'b1')]), 'IDENTITY.ACCOUNT_IN_OTHER_ORGANISATION');
  });
});
