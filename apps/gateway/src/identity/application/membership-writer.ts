import { Injectable } from '@nestjs/common';
import { Role } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { EntityManager } from 'typeorm';
import { normaliseRoles } from '../domain/membership-roles';
import { MembershipEntity } from '../infrastructure/membership.entity';
import { UserEntity } from '../infrastructure/user.entity';
import { SessionRevoker } from './session-revoker';

/**
 * Writes users and memberships with their events in the caller's transaction (used by the
 * bootstrap, invitation acceptance and role changes, so every path publishes the same events).
 */
@Injectable()
export class MembershipWriter {
  constructor(private readonly outbox: OutboxWriter, private readonly sessions: SessionRevoker) {}

  async createUser(tx: EntityManager, user: Pick<UserEntity, 'id' | 'email' | 'name' | 'language' | 'passwordHash'>): Promise<UserEntity> {
    await tx.insert(UserEntity, { ...user, disabled: false });
    await this.outbox.append(tx, {
      type: 'user.registered',
      version: 1,
      aggregateId: user.id,
      organisationId: null,
      payload: { userId: user.id, email: user.email, name: user.name, language: user.language },
    });
    return tx.findOneByOrFail(UserEntity, { id: user.id });
  }

  /** Grants the roles (adding to existing ones); returns the membership and whether anything changed. */
  async grant(tx: EntityManager, organisationId: string, userId: string, roles: Role[], by: { userId?: string; invitationId?: string } = {}): Promise<{ membership: MembershipEntity; changed: boolean }> {
    const existing = await tx.findOne(MembershipEntity, { where: { organisationId, userId }, lock: { mode: 'pessimistic_write' } });
    if (!existing) {
      await tx.insert(MembershipEntity, { organisationId, userId, roles });
      await this.outbox.append(tx, {
        type: 'membership.granted',
        version: 1,
        aggregateId: organisationId,
        organisationId,
        payload: { organisationId, userId, roles, ...(by.userId ? { grantedByUserId: by.userId } : {}), ...(by.invitationId ? { invitationId: by.invitationId } : {}) },
      });
      return { membership: await tx.findOneByOrFail(MembershipEntity, { organisationId, userId }), changed: true };
    }
    const merged = normaliseRoles([...existing.roles, ...roles]);
    if (merged.length === existing.roles.length) return { membership: existing, changed: false };
    return { membership: await this.setRoles(tx, existing, merged, by.userId), changed: true };
  }

  async setRoles(tx: EntityManager, membership: MembershipEntity, roles: Role[], changedByUserId?: string): Promise<MembershipEntity> {
    await tx.update(MembershipEntity, { organisationId: membership.organisationId, userId: membership.userId }, { roles });
    await this.outbox.append(tx, {
      type: 'membership.roles-changed',
      version: 1,
      aggregateId: membership.organisationId,
      organisationId: membership.organisationId,
      payload: { organisationId: membership.organisationId, userId: membership.userId, roles, previousRoles: membership.roles, ...(changedByUserId ? { changedByUserId } : {}) },
    });
    // tokens carrying the old roles stop working everywhere; the next refresh carries the new ones
    await this.sessions.revokeAccessTokens(tx, membership.userId, 'roles-changed', membership.organisationId);
    return tx.findOneByOrFail(MembershipEntity, { organisationId: membership.organisationId, userId: membership.userId });
  }
}
