import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityError } from '../domain/identity-error';
import { normaliseEmail } from '../domain/locale-rules';
import { FailureWindow, LoginThrottle } from '../domain/login-throttle';
import { LoginFailureEntity } from '../infrastructure/login-failure.entity';
import { MembershipEntity } from '../infrastructure/membership.entity';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { UserEntity } from '../infrastructure/user.entity';
import { IDENTITY_SETTINGS, IdentitySettings } from './identity-settings';
import { IssuedSession, SessionIssuer } from './session-issuer';

export interface LoginInput {
  email: string;
  password: string;
  organisationId?: string;
}

export interface LoginResult extends IssuedSession {
  organisations: { organisationId: string; name: string; roles: string[] }[];
}

const INVALID = () => new IdentityError('unauthenticated', 'IDENTITY.INVALID_CREDENTIALS', 'the email address or the password is wrong');

/**
 * Signs a person in for one of their organisations (the one asked for, else the oldest
 * membership). Failed attempts are stored and counted per account and per client address; over
 * the limit every attempt is refused with a wait, whether the password is right or not.
 */
@Injectable()
export class LoginUseCase {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
    @Inject(IDENTITY_SETTINGS) settings: IdentitySettings,
  ) {
    this.throttle = new LoginThrottle(settings.throttle);
  }

  async execute(input: LoginInput, clientAddress: string): Promise<LoginResult> {
    const account = normaliseEmail(input.email);
    const now = new Date();
    const since = this.throttle.windowStart(now);
    const [byAccount, byAddress] = await Promise.all([this.failures('account', account, since), this.failures('address', clientAddress, since)]);
    const decision = this.throttle.decide(byAccount, byAddress, now);
    if (!decision.allowed) {
      const who = decision.reason === 'account' ? 'for this account' : 'from your network address';
      throw new IdentityError('too-many', 'IDENTITY.TOO_MANY_ATTEMPTS', `too many failed sign-in attempts ${who}; try again in ${decision.retryAfterSeconds} seconds`, undefined, decision.retryAfterSeconds);
    }

    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :account', { account })
      .getOne();
    const ok = user ? await this.hasher.verify(user.passwordHash, input.password) : await this.hasher.verifyNothing(input.password);
    if (!user || !ok) {
      await this.recordFailure(account, clientAddress, now, since);
      throw INVALID();
    }
    if (user.disabled) throw new IdentityError('forbidden', 'IDENTITY.ACCOUNT_DISABLED', 'this account is disabled; ask an admin of your organisation');
    await this.dataSource.getRepository(LoginFailureEntity).delete({ account });

    const memberships: { organisationId: string; name: string; roles: string[]; createdAt: Date }[] = await this.dataSource.query(
      `SELECT m.organisation_id AS "organisationId", o.name, m.roles, m.created_at AS "createdAt"
         FROM membership m JOIN organisation o ON o.id = m.organisation_id
        WHERE m.user_id = $1 ORDER BY m.created_at, o.name`,
      [user.id],
    );
    if (!memberships.length) throw new IdentityError('forbidden', 'IDENTITY.NO_MEMBERSHIP', 'this account is not a member of any organisation');
    const chosen = input.organisationId ? memberships.find((m) => m.organisationId === input.organisationId) : memberships[0];
    if (!chosen) throw new IdentityError('forbidden', 'IDENTITY.NOT_A_MEMBER', 'you are not a member of that organisation', 'organisationId');

    const membership = await this.dataSource.getRepository(MembershipEntity).findOneByOrFail({ organisationId: chosen.organisationId, userId: user.id });
    const { session } = await this.dataSource.transaction((tx) => this.sessions.issue(tx, user, membership));
    return { ...session, organisations: memberships.map(({ organisationId, name, roles }) => ({ organisationId, name, roles })) };
  }

  private async failures(column: 'account' | 'address', value: string, since: Date): Promise<FailureWindow> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS failures, min(failed_at) AS oldest FROM login_failure WHERE ${column} = $1 AND failed_at >= $2`, [value, since]);
    return { failures: row.failures, oldest: row.oldest ? new Date(row.oldest) : null };
  }

  private async recordFailure(account: string, address: string, now: Date, since: Date): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.insert(LoginFailureEntity, { account, address, failedAt: now });
      // failures that left the window no longer count: keep the table small
      await tx.query(`DELETE FROM login_failure WHERE (account = $1 OR address = $2) AND failed_at < $3`, [account, address, since]);
    });
  }
}
