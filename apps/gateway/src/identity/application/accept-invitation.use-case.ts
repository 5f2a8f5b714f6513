import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IdentityError } from '../domain/identity-error';
import { InvitationState } from '../domain/invitation-state';
import { canonicalLanguageTag, normaliseEmail } from '../domain/locale-rules';
import { PasswordPolicy } from '../domain/password-policy';
import { SecretToken } from '../domain/secret-token';
import { InvitationEntity } from '../infrastructure/invitation.entity';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { UserEntity } from '../infrastructure/user.entity';
import { MembershipWriter } from './membership-writer';
import { PasswordAttempts } from './password-attempts';

export interface AcceptInvitationInput {
  token: string;
  name?: string;
  password: string;
  language?: string;
}

export interface AcceptedInvitation {
  userId: string;
  organisationId: string;
  roles: string[];
  /** True when the account was created now; false when an existing account was linked. */
  accountCreated: boolean;
}

/**
 * The invitee sets a password with the single-use, expiring token: a new account is created (or,
 * when an account with that email exists and the password is its password, that account is
 * linked), the membership is granted, and the invitation is used up, all in one transaction.
 * Checking an existing account's password is charged and throttled like signing in (PasswordAttempts),
 * before the transaction: a charge must stay even when the transaction rolls back.
 */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly memberships: MembershipWriter,
    private readonly attempts: PasswordAttempts,
  ) {}

  async execute(input: AcceptInvitationInput, clientAddress: string): Promise<AcceptedInvitation> {
    const hash = SecretToken.hash(input.token);
    const invited = await this.dataSource.getRepository(InvitationEntity).createQueryBuilder('i').where('i.token_hash = :hash', { hash }).getOne();
    // a used, revoked or expired invitation is refused before any password is charged (checked again under the lock)
    if (invited) InvitationState.assertAcceptable(invited, new Date());
    const existing = invited ? await this.dataSource.query(`SELECT 1 FROM app_user WHERE lower(email) = $1`, [normaliseEmail(invited.email)]) : [];
    const attempt = existing.length ? await this.attempts.begin(normaliseEmail(invited!.email), clientAddress, '/api/identity/invitations/accept') : undefined;
    let accepted: AcceptedInvitation;
    try {
      accepted = await this.dataSource.transaction((tx) => this.accept(tx, input, hash, !!attempt));
    } catch (e) {
      if (attempt && e instanceof IdentityError && e.code === 'IDENTITY.EXISTING_ACCOUNT') await attempt.failed();
      throw e;
    }
    await attempt?.succeeded();
    return accepted;
  }

  private async accept(tx: EntityManager, input: AcceptInvitationInput, hash: string, charged: boolean): Promise<AcceptedInvitation> {
    const inv = await tx
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.token_hash = :hash', { hash })
      .getOne();
    if (!inv) throw new IdentityError('invalid', 'IDENTITY.INVITATION_INVALID', 'this invitation link is not valid', 'token');
    InvitationState.assertAcceptable(inv, new Date());

    let accountCreated = false;
    let user = await tx
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :account', { account: normaliseEmail(inv.email) })
      .getOne();
    if (user) {
      const existingAccount = () => new IdentityError('forbidden', 'IDENTITY.EXISTING_ACCOUNT', 'an account with this email address exists: accept with its password', 'password');
      // the account appeared after the charge was decided: the next try is charged
      if (!charged || !(await this.hasher.verify(user.passwordHash, input.password))) throw existingAccount();
    } else {
      const name = input.name?.trim() || inv.name;
      if (!name) throw new IdentityError('invalid', 'IDENTITY.NAME_REQUIRED', 'name must not be empty', 'name');
      const language = input.language ? canonicalLanguageTag(input.language) : inv.language;
      if (!language) throw new IdentityError('invalid', 'IDENTITY.LANGUAGE_INVALID', 'language must be a BCP 47 language tag (e.g. en, zh-CN)', 'language');
      PasswordPolicy.assert(input.password, { email: inv.email, name });
      const passwordHash = await this.hasher.hash(input.password);
      user = await this.memberships.createUser(tx, { id: randomUUID(), email: inv.email, name, language, passwordHash });
      accountCreated = true;
    }
    const { membership } = await this.memberships.grant(tx, inv.organisationId, user.id, inv.roles, { userId: inv.invitedByUserId ?? undefined, invitationId: inv.id });
    await tx.update(InvitationEntity, { id: inv.id }, { acceptedAt: new Date(), acceptedByUserId: user.id });
    return { userId: user.id, organisationId: inv.organisationId, roles: membership.roles, accountCreated };
  }
}
