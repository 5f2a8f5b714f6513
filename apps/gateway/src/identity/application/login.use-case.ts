import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityError } from '../domain/identity-error';
import { normaliseEmail } from '../domain/locale-rules';
import { MembershipEntity } from '../infrastructure/membership.entity';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { UserEntity } from '../infrastructure/user.entity';
import { PasswordAttempts } from './password-attempts';
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
 * membership). The password check is charged first (PasswordAttempts: per account and address, and
 * per address); over the limits the attempt is refused with a wait, whether the password is right or not.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
    private readonly attempts: PasswordAttempts,
  ) {}

  async execute(input: LoginInput, clientAddress: string): Promise<LoginResult> {
    const account = normaliseEmail(input.email);
    const attempt = await this.attempts.begin(account, clientAddress, '/api/identity/login');

    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :account', { account })
      .getOne();
    const ok = user ? await this.hasher.verify(user.passwordHash, input.password) : await this.hasher.verifyNothing(input.password);
    if (!user || !ok) {
      await attempt.failed();
      throw INVALID();
    }
    await attempt.succeeded();
    if (user.disabled) throw new IdentityError('forbidden', 'IDENTITY.ACCOUNT_DISABLED', 'this account is disabled; ask an admin of your organisation');

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
}
