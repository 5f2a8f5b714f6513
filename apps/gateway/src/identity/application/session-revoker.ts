import { Injectable } from '@nestjs/common';
import { SESSION_REVOCATION_REASONS } from '@twinning/contracts';
import { OutboxWriter } from '@twinning/platform-messaging';
import { EntityManager, FindOptionsWhere, IsNull } from 'typeorm';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { UserEntity } from '../infrastructure/user.entity';

export type RevocationReason = (typeof SESSION_REVOCATION_REASONS)[number];

/**
 * Ends a user's access tokens everywhere, in the caller's transaction: the account's session
 * version goes up and `user.sessions-revoked` carries it to every service (the gateway included),
 * whose guard then refuses any token with a lower version. The new version is in every token
 * issued from now on, so a refresh or a new sign-in works at once.
 */
@Injectable()
export class SessionRevoker {
  constructor(private readonly outbox: OutboxWriter) {}

  async revokeAccessTokens(tx: EntityManager, userId: string, reason: RevocationReason, organisationId?: string): Promise<number> {
    await tx.increment(UserEntity, { id: userId }, 'sessionVersion', 1);
    const { sessionVersion } = await tx.findOneOrFail(UserEntity, { where: { id: userId }, select: { id: true, sessionVersion: true } });
    await this.outbox.append(tx, {
      type: 'user.sessions-revoked',
      version: 1,
      aggregateId: userId,
      organisationId: organisationId ?? null,
      payload: { userId, sessionVersion, reason, ...(organisationId ? { organisationId } : {}) },
    });
    return sessionVersion;
  }

  /** Revokes the live refresh tokens of the user (in one organisation, or in all), so no session can be renewed. */
  async endRefreshSessions(tx: EntityManager, userId: string, reason: string, organisationId?: string): Promise<void> {
    const where: FindOptionsWhere<RefreshTokenEntity> = { userId, revokedAt: IsNull(), ...(organisationId ? { organisationId } : {}) };
    await tx.update(RefreshTokenEntity, where, { revokedAt: new Date(), revokedReason: reason });
  }
}
