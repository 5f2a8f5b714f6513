import { AuthenticatedUser } from '@twinning/platform-auth';
import { EntityManager, In } from 'typeorm';
import { AccountAdministration } from '../domain/account-administration';
import { IdentityError } from '../domain/identity-error';
import { assertActsFor } from '../domain/organisation-scope';
import { MembershipEntity } from '../infrastructure/membership.entity';
import { UserEntity } from '../infrastructure/user.entity';

export interface AccountStatusView {
  userId: string;
  disabled: boolean;
}

/**
 * Loads the account an admin wants to disable or enable, with the row locked, after checking that
 * the admin may (AccountAdministration). Shared by both use cases so the rule cannot drift apart.
 */
export async function lockAccountFor(tx: EntityManager, actor: AuthenticatedUser, organisationId: string, userId: string): Promise<UserEntity> {
  assertActsFor(actor, organisationId);
  const user = await tx.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
  const memberships = user ? await tx.findBy(MembershipEntity, { userId }) : [];
  if (!user || !memberships.some((m) => m.organisationId === organisationId)) {
    throw new IdentityError('not-found', 'IDENTITY.MEMBER_NOT_FOUND', `user ${userId} is not a member of this organisation`);
  }
  const everyone = await tx.findBy(MembershipEntity, { organisationId: In(memberships.map((m) => m.organisationId)) });
  AccountAdministration.assertMayDisable(
    actor.userId,
    userId,
    memberships.map((m) => ({
      organisationId: m.organisationId,
      adminUserIds: everyone.filter((e) => e.organisationId === m.organisationId && e.roles.includes('admin')).map((e) => e.userId),
    })),
  );
  return user;
}
