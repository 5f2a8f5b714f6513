import { IdentityError } from './identity-error';

/** One organisation an account belongs to, with who holds the admin role there. */
export interface AccountMembershipFacts {
  organisationId: string;
  adminUserIds: readonly string[];
}

/**
 * Who may end another person's access. An admin removes members of their own organisation; the
 * organisation always keeps an admin (the last one can be neither removed nor demoted). Disabling
 * an account reaches every organisation it belongs to, so an admin may disable it only when they
 * administer each of those organisations, and never their own account (another admin must). So a
 * disabled account is never an organisation's last admin: the admin who disabled it remains.
 */
export class AccountAdministration {
  static assertMayRemove(adminUserIds: readonly string[], userId: string): void {
    if (adminUserIds.includes(userId) && adminUserIds.length <= 1) {
      throw new IdentityError('conflict', 'IDENTITY.LAST_ADMIN', 'the organisation needs at least one admin: give another member the admin role before removing this one', 'userId');
    }
  }

  static assertMayDisable(actorUserId: string, targetUserId: string, targetMemberships: readonly AccountMembershipFacts[]): void {
    if (actorUserId === targetUserId) {
      throw new IdentityError('conflict', 'IDENTITY.OWN_ACCOUNT', 'you cannot disable your own account: another admin must do it', 'userId');
    }
    const elsewhere = targetMemberships.filter((m) => !m.adminUserIds.includes(actorUserId));
    if (elsewhere.length) {
      throw new IdentityError('forbidden', 'IDENTITY.ACCOUNT_IN_OTHER_ORGANISATION', 'this account is also a member of an organisation you do not administer: remove them from yours instead', 'userId');
    }
  }
}
