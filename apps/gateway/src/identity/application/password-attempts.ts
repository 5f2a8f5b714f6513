import { Inject, Injectable } from '@nestjs/common';
import { currentCorrelation } from '@twinning/platform-observability';
import { AuditTrail } from '../../audit/application/audit-trail';
import { IdentityError } from '../domain/identity-error';
import { LoginThrottle } from '../domain/login-throttle';
import { LoginFailureStore } from '../infrastructure/login-failure-store';
import { IDENTITY_SETTINGS, IdentitySettings } from './identity-settings';

/** One charged password check; say how it went. */
export interface PasswordAttempt {
  /** The password was right: this address's earlier failures for the account are forgiven. */
  succeeded(): Promise<void>;
  /** The password was wrong: the charge stays, and the admins of the account's organisations see it in their audit trail. */
  failed(): Promise<void>;
}

/**
 * Every check of a person's password against their account (signing in, accepting an invitation with an existing
 * account) goes through here: the attempt is charged before the password is checked, under the address's lock, so
 * parallel guesses are counted; over the limits it is refused (429) without a check, whether the password is right
 * or not. Failed and throttled attempts on a real account are recorded in the audit trail of each of its
 * organisations (who was tried, from which address), an unknown email nowhere.
 */
@Injectable()
export class PasswordAttempts {
  private readonly throttle: LoginThrottle;

  constructor(private readonly store: LoginFailureStore, private readonly audit: AuditTrail, @Inject(IDENTITY_SETTINGS) settings: IdentitySettings) {
    this.throttle = new LoginThrottle(settings.throttle);
  }

  /** Charges one check of `account`'s password from `address`, or throws IDENTITY.TOO_MANY_ATTEMPTS. `path` is what the audit names. */
  async begin(account: string, address: string, path: string): Promise<PasswordAttempt> {
    const started = new Date();
    const decision = await this.store.charge(account, address, started, this.throttle.windowStart(started), (pair, addr) => this.throttle.decide(pair, addr, started));
    if (!decision.allowed) {
      await this.recordInAudit('sign-in-throttled', 429, account, address, path, started);
      const who = decision.reason === 'account-address' ? 'for this account from your network address' : 'from your network address';
      throw new IdentityError('too-many', 'IDENTITY.TOO_MANY_ATTEMPTS', `too many failed sign-in attempts ${who}; try again in ${decision.retryAfterSeconds} seconds`, undefined, decision.retryAfterSeconds);
    }
    return {
      succeeded: () => this.store.clear(account, address),
      failed: () => this.recordInAudit('sign-in-failed', 401, account, address, path, started),
    };
  }

  private async recordInAudit(eventCode: 'sign-in-failed' | 'sign-in-throttled', status: number, account: string, address: string, path: string, started: Date): Promise<void> {
    const found = await this.store.accountOf(account);
    if (!found) return;
    const correlationId = currentCorrelation()?.correlationId ?? null;
    for (const organisationId of found.organisationIds) {
      this.audit.record({
        occurredAt: started, userId: null, organisationId, method: 'POST', path, status, correlationId, clientAddress: address,
        durationMs: Date.now() - started.getTime(), eventCode, accountUserId: found.userId,
      });
    }
  }
}
