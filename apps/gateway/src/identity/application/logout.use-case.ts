import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretToken } from '../domain/secret-token';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { revokeFamily } from './refresh-session.use-case';
import { SessionRevoker } from './session-revoker';

/**
 * Ends the session the refresh token belongs to (its whole family), and every access token of the
 * account: tokens carry no session id, so the account's session version goes up. Other devices of
 * the same person are not signed out: their next request is refused once and renewed with their
 * own refresh token. Idempotent: an unknown or already revoked token is not an error.
 */
@Injectable()
export class LogoutUseCase {
  constructor(private readonly dataSource: DataSource, private readonly sessions: SessionRevoker) {}

  async execute(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const row = await tx.getRepository(RefreshTokenEntity).createQueryBuilder('t').where('t.token_hash = :hash', { hash: SecretToken.hash(refreshToken) }).getOne();
      if (!row || row.revokedAt) return;
      await revokeFamily(tx, row.familyId, 'logout');
      await this.sessions.revokeAccessTokens(tx, row.userId, 'logout', row.organisationId);
    });
  }
}
