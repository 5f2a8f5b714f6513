import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SecretSealer } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { DataSource } from 'typeorm';
import { IdentityError } from '../domain/identity-error';
import { normaliseEmail } from '../domain/locale-rules';
import { PasswordResetThrottle } from '../domain/password-reset-throttle';
import { SecretToken } from '../domain/secret-token';
import { PasswordResetStore } from '../infrastructure/password-reset-store';
import { IDENTITY_SETTINGS, IdentitySettings } from './identity-settings';

/**
 * "Forgot password": for a real, enabled account under its limit, a single-use, expiring reset link goes out by email
 * in the account's language. The token leaves the gateway only inside the reset URL sealed to the notifications
 * service's key (`user.password-reset-requested`), the gateway keeps its SHA-256 and logs neither; a newer link
 * replaces the open one. The caller learns nothing: an unknown, a disabled and a throttled account get the same
 * answer as a real one, and only the client address's own limit (which counts unknown emails too) is ever refused.
 */
@Injectable()
export class RequestPasswordResetUseCase {
  private readonly throttle: PasswordResetThrottle;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PasswordResetStore,
    private readonly outbox: OutboxWriter,
    private readonly sealer: SecretSealer,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {
    this.throttle = new PasswordResetThrottle(settings.passwordReset);
  }

  async execute(email: string, clientAddress: string): Promise<void> {
    const account = await this.store.accountByEmail(normaliseEmail(email));
    const target = account && !account.disabled ? account : null;
    // sealed before the transaction (it is slow-ish), so a known account does not hold the locks longer than an unknown one
    const { token, hash } = SecretToken.generate();
    const sealedResetUrl = target ? await this.sealer.seal(`${this.settings.publicWebUrl}/reset-password?token=${encodeURIComponent(token)}`) : null;
    await this.dataSource.transaction(async (tx) => {
      const now = new Date();
      const counts = await this.store.lockAndCount(tx, clientAddress, target?.userId ?? null, this.throttle.windowStart(now));
      const decision = this.throttle.decide({ requests: counts.requests, oldest: counts.oldest }, counts.accountEmails, now);
      if (decision.outcome === 'refused') {
        throw new IdentityError('too-many', 'IDENTITY.TOO_MANY_RESET_REQUESTS', `too many password reset requests from your network address; try again in ${decision.retryAfterSeconds} seconds`, undefined, decision.retryAfterSeconds);
      }
      await this.store.countRequest(tx, clientAddress, now);
      if (!target || !sealedResetUrl || decision.outcome === 'quiet') return;
      const expiresAt = new Date(now.getTime() + this.settings.passwordResetTtlMinutes * 60_000);
      await this.store.replaceOpenAndInsert(tx, { id: randomUUID(), userId: target.userId, tokenHash: hash, expiresAt }, now);
      await this.outbox.append(tx, {
        type: 'user.password-reset-requested',
        version: 1,
        aggregateId: target.userId,
        organisationId: null,
        payload: { userId: target.userId, email: target.email, name: target.name, language: target.language, expiresAt: expiresAt.toISOString(), sealedResetUrl },
      });
    });
  }
}
