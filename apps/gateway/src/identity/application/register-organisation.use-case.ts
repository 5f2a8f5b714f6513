import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@twinning/platform-messaging';
import { DataSource } from 'typeorm';
import { IdentityError } from '../domain/identity-error';
import { canonicalLanguageTag, normaliseEmail } from '../domain/locale-rules';
import { OrganisationProfile, OrganisationProfileInput } from '../domain/organisation-profile';
import { PasswordPolicy } from '../domain/password-policy';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { UserEntity } from '../infrastructure/user.entity';
import { MembershipWriter } from './membership-writer';

export interface RegisterOrganisationInput {
  organisation: OrganisationProfileInput;
  admin: { email: string; name: string; password: string; language?: string };
}

export interface RegisteredOrganisation {
  organisationId: string;
  adminUserId: string;
  created: { organisation: boolean; admin: boolean; membership: boolean };
}

/**
 * Bootstraps a deployment's organisation and its first admin (the CLI). Idempotent: an existing
 * organisation (same name, any case) and an existing account (same email) are reused; an existing
 * account's password is never changed; the admin role is added if missing.
 */
@Injectable()
export class RegisterOrganisationUseCase {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly hasher: PasswordHasher, private readonly memberships: MembershipWriter) {}

  async execute(input: RegisterOrganisationInput): Promise<RegisteredOrganisation> {
    const profile = OrganisationProfile.create(input.organisation);
    return this.dataSource.transaction(async (tx) => {
      let org = await tx.getRepository(OrganisationEntity).createQueryBuilder('o').where('lower(o.name) = lower(:name)', { name: profile.name }).getOne();
      const orgCreated = !org;
      if (!org) {
        const id = randomUUID();
        await tx.insert(OrganisationEntity, { id, name: profile.name, city: profile.city, country: profile.country, timeZone: profile.timeZone, defaultLanguage: profile.defaultLanguage });
        await this.outbox.append(tx, {
          type: 'organisation.registered',
          version: 1,
          aggregateId: id,
          organisationId: id,
          payload: { organisationId: id, name: profile.name, city: profile.city, country: profile.country, timeZone: profile.timeZone, defaultLanguage: profile.defaultLanguage },
        });
        org = await tx.findOneByOrFail(OrganisationEntity, { id });
      }

      let user = await tx.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = :account', { account: normaliseEmail(input.admin.email) }).getOne();
      const adminCreated = !user;
      if (!user) {
        const name = input.admin.name?.trim();
        if (!name) throw new IdentityError('invalid', 'IDENTITY.NAME_REQUIRED', 'the admin name must not be empty', 'name');
        const language = input.admin.language ? canonicalLanguageTag(input.admin.language) : org.defaultLanguage;
        if (!language) throw new IdentityError('invalid', 'IDENTITY.LANGUAGE_INVALID', 'language must be a BCP 47 language tag', 'language');
        PasswordPolicy.assert(input.admin.password, { email: input.admin.email, name });
        user = await this.memberships.createUser(tx, { id: randomUUID(), email: input.admin.email.trim(), name, language, passwordHash: await this.hasher.hash(input.admin.password) });
      }
      const { changed } = await this.memberships.grant(tx, org.id, user.id, ['admin']);
      return { organisationId: org.id, adminUserId: user.id, created: { organisation: orgCreated, admin: adminCreated, membership: changed } };
    });
  }
}
