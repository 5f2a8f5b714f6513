import { Injectable } from '@nestjs/common';
import { currentCorrelation } from '@twinning/platform-observability';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../audit/application/audit-trail';
import { IdentityError } from '../domain/identity-error';
import { normaliseEmail } from '../domain/locale-rules';
import { PasswordPolicy } from '../domain/password-policy';
import { PasswordResetState } from '../domain/password-reset-state';
import { SecretToken } from '../domain/secret-token';
import { LoginFailureStore } from '../infrastructure/login-failure-store';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { PasswordResetStore } from '../infrastructure/password-reset-store';
import { UserEntity } from '../infrastructure/user.entity';
import { SessionRevoker } from './session-revoker';

export const PASSWORD_RESET_PATH = '/api/identity/password-reset/confirm';

/**
 * The person chose a new password with the token from their reset link. In one transaction: the password (through
 * the password policy) replaces the old one, the link is used up (and every other open link of the account with it),
 * every refresh session of the account is revoked and its access tokens stop working in every service
 * (`user.sessions-revoked`): whoever knew the old password is signed out. The reset is in the audit trail of each of
 * the account's organisations.
 */
@Injectable()
export class ConfirmPasswordResetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PasswordResetStore,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionRevoker,
    private readonly accounts: LoginFailureStore,
    private readonly audit: AuditTrail,
  ) {}

  async execute(token: string, password: string, clientAddress: string): Promise<void> {
    const started = new Date();
    const user = await this.dataSource.transaction(async (tx) => {
      const reset = await this.store.lockByTokenHash(tx, SecretToken.hash(token));
      if (!reset) throw new IdentityError('invalid', 'IDENTITY.RESET_INVALID', 'this reset link is not valid', 'token');
      PasswordResetState.assertUsable(reset, started);
      const account = await tx.findOneOrFail(UserEntity, { where: { id: reset.userId }, lock: { mode: 'pessimistic_write' } });
      if (account.disabled) throw new IdentityError('forbidden', 'IDENTITY.ACCOUNT_DISABLED', 'this account is disabled');
      PasswordPolicy.assert(password, { email: account.email, name: account.name });
      await tx.update(UserEntity, { id: account.id }, { passwordHash: await this.hasher.hash(password) });
      await this.store.markUsed(tx, reset, started);
      await this.sessions.endRefreshSessions(tx, account.id, 'password-reset');
      await this.sessions.revokeAccessTokens(tx, account.id, 'password-reset');
      return account;
    });
    await this.recordInAudit(user, clientAddress, started);
  }

  private async recordInAudit(user: UserEntity, clientAddress: string, started: Date): Promise<void> {
    const found = await this.accounts.accountOf(normaliseEmail(user.email));
    const correlationId = currentCorrelation()?.correlationId ?? null;
    for (const organisationId of found?.organisationIds ?? []) {
      this.audit.record({
        occurredAt: started, userId: null, organisationId, method: 'POST', path: PASSWORD_RESET_PATH, status: 204, correlationId, clientAddress,
        durationMs: Date.now() - started.getTime(), eventCode: 'password-reset', accountUserId: user.id,
      });
    }
  }
}
