import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenSigner } from '@twinning/platform-auth';
import { EntityManager } from 'typeorm';
import { SecretToken } from '../domain/secret-token';
import { MembershipEntity } from '../infrastructure/membership.entity';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { UserEntity } from '../infrastructure/user.entity';
import { IDENTITY_SETTINGS, IdentitySettings } from './identity-settings';

export interface IssuedSession {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds the access token is valid. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  organisationId: string;
  roles: string[];
}

/** Signs an access token for a user's membership and stores a new refresh token of the session's family. */
@Injectable()
export class SessionIssuer {
  constructor(private readonly signer: AccessTokenSigner, @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings) {}

  async issue(tx: EntityManager, user: UserEntity, membership: MembershipEntity, familyId: string = randomUUID()): Promise<{ session: IssuedSession; refreshTokenId: string }> {
    const { token, hash } = SecretToken.generate();
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + this.settings.refreshTokenTtlDays * 86_400_000);
    await tx.insert(RefreshTokenEntity, { id, familyId, userId: user.id, organisationId: membership.organisationId, tokenHash: hash, expiresAt, revokedAt: null, revokedReason: null, replacedById: null });
    const accessToken = await this.signer.sign({
      userId: user.id,
      email: user.email,
      name: user.name,
      language: user.language,
      organisationId: membership.organisationId,
      roles: membership.roles,
      sessionVersion: user.sessionVersion,
    });
    return {
      refreshTokenId: id,
      session: {
        tokenType: 'Bearer',
        accessToken,
        expiresIn: this.signer.ttl,
        refreshToken: token,
        refreshExpiresAt: expiresAt.toISOString(),
        organisationId: membership.organisationId,
        roles: membership.roles,
      },
    };
  }
}
