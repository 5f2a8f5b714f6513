import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DataSource } from 'typeorm';
import { IdentityError } from '../domain/identity-error';
import { assertKeepsAnAdmin, normaliseRoles } from '../domain/membership-roles';
import { assertActsFor } from '../domain/organisation-scope';
import { MembershipEntity } from '../infrastructure/membership.entity';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { MembershipWriter } from './membership-writer';

/** An admin sets a member's roles (the complete set); the organisation always keeps an admin. */
@Injectable()
export class ChangeMemberRolesUseCase {
  constructor(private readonly dataSource: DataSource, private readonly memberships: MembershipWriter) {}

  async execute(actor: AuthenticatedUser, organisationId: string, userId: string, requested: string[]): Promise<{ userId: string; organisationId: string; roles: string[] }> {
    assertActsFor(actor, organisationId);
    const roles = normaliseRoles(requested);
    return this.dataSource.transaction(async (tx) => {
      // one role change per organisation at a time, so two admins cannot demote each other at once
      const org = await tx.findOne(OrganisationEntity, { where: { id: organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new IdentityError('not-found', 'IDENTITY.ORGANISATION_NOT_FOUND', `organisation ${organisationId} not found`);
      const membership = await tx.findOneBy(MembershipEntity, { organisationId, userId });
      if (!membership) throw new IdentityError('not-found', 'IDENTITY.MEMBER_NOT_FOUND', `user ${userId} is not a member of this organisation`);
      const admins: { userId: string }[] = await tx.query(`SELECT user_id AS "userId" FROM membership WHERE organisation_id = $1 AND 'admin' = ANY (roles)`, [organisationId]);
      assertKeepsAnAdmin(admins.map((a) => a.userId), userId, roles);
      const unchanged = roles.length === membership.roles.length && roles.every((r) => membership.roles.includes(r));
      const saved = unchanged ? membership : await this.memberships.setRoles(tx, membership, roles, actor.userId);
      return { userId, organisationId, roles: saved.roles };
    });
  }
}
