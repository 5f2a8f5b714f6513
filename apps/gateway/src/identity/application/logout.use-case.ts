import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretToken } from '../domain/secret-token';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { revokeFamily } from './refresh-session.use-case';

/**
 * Ends the session the refresh token belongs to (its whole family). Idempotent: an unknown or
 * already revoked token is not an error. Access tokens already issued stay valid until they expire
 * (at most ACCESS_TOKEN_TTL_SECONDS): services verify them without calling the gateway.
 */
@Injectable()
export class LogoutUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const row = await tx.getRepository(RefreshTokenEntity).createQueryBuilder('t').where('t.token_hash = :hash', { hash: SecretToken.hash(refreshToken) }).getOne();
      if (row) await revokeFamily(tx, row.familyId, 'logout');
    });
  }
}
