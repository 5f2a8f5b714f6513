import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { IdentityError } from '../domain/identity-error';
import { RefreshTokenState } from '../domain/refresh-token-state';
import { SecretToken } from '../domain/secret-token';
import { MembershipEntity } from '../infrastructure/membership.entity';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { UserEntity } from '../infrastructure/user.entity';
import { IssuedSession, SessionIssuer } from './session-issuer';
import { SessionRevoker } from './session-revoker';

/** Revokes every live token of a session (a refresh-token family). */
export async function revokeFamily(tx: EntityManager, familyId: string, reason: string): Promise<void> {
  await tx.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
}

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation). The roles
 * are read again from the membership, so a change of roles reaches the next access token.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(private readonly dataSource: DataSource, private readonly sessions: SessionIssuer, private readonly revoker: SessionRevoker) {}

  async execute(refreshToken: string): Promise<IssuedSession> {
    const outcome = await this.dataSource.transaction(async (tx): Promise<IssuedSession | IdentityError> => {
      const old = await tx
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: SecretToken.hash(refreshToken) })
        .getOne();
      if (!old) return new IdentityError('unauthenticated', 'IDENTITY.REFRESH_INVALID', 'the refresh token is not valid; sign in again');
      const verdict = RefreshTokenState.verdict(old, new Date());
      if (verdict === 'reused') {
        // committed before the 401: whoever holds the newer token of this family is signed out too
        await revokeFamily(tx, old.familyId, 'reuse-detected');
        // a copied refresh token means the access tokens may be in the wrong hands too
        await this.revoker.revokeAccessTokens(tx, old.userId, 'refresh-reused', old.organisationId);
        return new IdentityError('unauthenticated', 'IDENTITY.REFRESH_REUSED', 'this refresh token was already used; the session has been ended, sign in again');
      }
      if (verdict === 'ended') return new IdentityError('unauthenticated', 'IDENTITY.SESSION_ENDED', 'this session has ended; sign in again');
      if (verdict === 'expired') return new IdentityError('unauthenticated', 'IDENTITY.REFRESH_EXPIRED', 'the refresh token has expired; sign in again');

      const user = await tx.findOneBy(UserEntity, { id: old.userId });
      const membership = await tx.findOneBy(MembershipEntity, { organisationId: old.organisationId, userId: old.userId });
      if (!user || user.disabled || !membership) {
        await revokeFamily(tx, old.familyId, 'membership-ended');
        return new IdentityError('unauthenticated', 'IDENTITY.SESSION_ENDED', 'this account can no longer act for that organisation; sign in again');
      }
      const { session, refreshTokenId } = await this.sessions.issue(tx, user, membership, old.familyId);
      await tx.update(RefreshTokenEntity, { id: old.id }, { revokedAt: new Date(), revokedReason: 'rotated', replacedById: refreshTokenId });
      return session;
    });
    if (outcome instanceof IdentityError) throw outcome;
    return outcome;
  }
}
