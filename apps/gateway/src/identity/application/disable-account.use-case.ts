import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { DataSource } from 'typeorm';
import { UserEntity } from '../infrastructure/user.entity';
import { AccountStatusView, lockAccountFor } from './account-status';
import { SessionRevoker } from './session-revoker';

/**
 * An admin disables an account: it can no longer sign in or refresh, every refresh token of it
 * (in every organisation) is revoked, and every access token stops working in every service within
 * seconds. Idempotent: disabling a disabled account changes nothing.
 */
@Injectable()
export class DisableAccountUseCase {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly sessions: SessionRevoker) {}

  async execute(actor: AuthenticatedUser, organisationId: string, userId: string): Promise<AccountStatusView> {
    return this.dataSource.transaction(async (tx) => {
      const user = await lockAccountFor(tx, actor, organisationId, userId);
      if (user.disabled) return { userId, disabled: true };
      await tx.update(UserEntity, { id: userId }, { disabled: true });
      await this.outbox.append(tx, {
        type: 'user.disabled',
        version: 1,
        aggregateId: userId,
        organisationId,
        payload: { userId, disabledByUserId: actor.userId, organisationId },
      });
      await this.sessions.endRefreshSessions(tx, userId, 'account-disabled');
      await this.sessions.revokeAccessTokens(tx, userId, 'account-disabled', organisationId);
      return { userId, disabled: true };
    });
  }
}
