import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { DataSource } from 'typeorm';
import { UserEntity } from '../infrastructure/user.entity';
import { AccountStatusView, lockAccountFor } from './account-status';

/** An admin lets a disabled account sign in again (the same rule as disabling it). Idempotent. */
@Injectable()
export class EnableAccountUseCase {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async execute(actor: AuthenticatedUser, organisationId: string, userId: string): Promise<AccountStatusView> {
    return this.dataSource.transaction(async (tx) => {
      const user = await lockAccountFor(tx, actor, organisationId, userId);
      if (!user.disabled) return { userId, disabled: false };
      await tx.update(UserEntity, { id: userId }, { disabled: false });
      await this.outbox.append(tx, {
        type: 'user.enabled',
        version: 1,
        aggregateId: userId,
        organisationId,
        payload: { userId, enabledByUserId: actor.userId, organisationId },
      });
      return { userId, disabled: false };
    });
  }
}
