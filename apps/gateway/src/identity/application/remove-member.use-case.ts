import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { DataSource } from 'typeorm';
import { AccountAdministration } from '../domain/account-administration';
import { IdentityError } from '../domain/identity-error';
import { assertActsFor } from '../domain/organisation-scope';
import { MembershipEntity } from '../infrastructure/membership.entity';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { SessionRevoker } from './session-revoker';

/**
 * An admin removes a member from their organisation (themselves too, while another admin remains):
 * the membership goes, the member's sessions of this organisation cannot be refreshed, and every
 * access token of theirs stops working in every service within seconds (`user.sessions-revoked`).
 */
@Injectable()
export class RemoveMemberUseCase {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly sessions: SessionRevoker) {}

  async execute(actor: AuthenticatedUser, organisationId: string, userId: string): Promise<void> {
    assertActsFor(actor, organisationId);
    await this.dataSource.transaction(async (tx) => {
      // the same lock as a role change, so two admins cannot remove each other at once
      const org = await tx.findOne(OrganisationEntity, { where: { id: organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new IdentityError('not-found', 'IDENTITY.ORGANISATION_NOT_FOUND', `organisation ${organisationId} not found`);
      const members = await tx.findBy(MembershipEntity, { organisationId });
      const membership = members.find((m) => m.userId === userId);
      if (!membership) throw new IdentityError('not-found', 'IDENTITY.MEMBER_NOT_FOUND', `user ${userId} is not a member of this organisation`);
      AccountAdministration.assertMayRemove(members.filter((m) => m.roles.includes('admin')).map((m) => m.userId), userId);

      await tx.delete(MembershipEntity, { organisationId, userId });
      await this.outbox.append(tx, {
        type: 'membership.removed',
        version: 1,
        aggregateId: organisationId,
        organisationId,
        payload: { organisationId, userId, previousRoles: membership.roles, removedByUserId: actor.userId },
      });
      await this.sessions.endRefreshSessions(tx, userId, 'membership-ended', organisationId);
      await this.sessions.revokeAccessTokens(tx, userId, 'membership-removed', organisationId);
    });
  }
}
