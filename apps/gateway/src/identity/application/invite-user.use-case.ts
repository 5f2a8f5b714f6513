import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedUser, SecretSealer } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { DataSource } from 'typeorm';
import { IdentityError } from '../domain/identity-error';
import { canonicalLanguageTag, normaliseEmail } from '../domain/locale-rules';
import { normaliseRoles } from '../domain/membership-roles';
import { assertActsFor } from '../domain/organisation-scope';
import { SecretToken } from '../domain/secret-token';
import { InvitationEntity } from '../infrastructure/invitation.entity';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { IDENTITY_SETTINGS, IdentitySettings } from './identity-settings';

export interface InviteInput {
  email: string;
  name?: string;
  roles: string[];
  language?: string;
}

export interface InvitationView {
  id: string;
  organisationId: string;
  email: string;
  name: string | null;
  roles: string[];
  language: string;
  expiresAt: string;
}

/**
 * An admin invites a person by email. The single-use token leaves the gateway only inside the accept
 * URL sealed to the notifications service's key (`user.invited` v2), which alone opens it to email it;
 * the gateway keeps its SHA-256 and logs neither. A newer invitation of the same person to the same
 * organisation replaces (revokes) the pending one.
 */
@Injectable()
export class InviteUserUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly sealer: SecretSealer,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async execute(inviter: AuthenticatedUser, organisationId: string, input: InviteInput): Promise<InvitationView> {
    assertActsFor(inviter, organisationId);
    const roles = normaliseRoles(input.roles);
    const email = input.email.trim();
    const account = normaliseEmail(email);
    return this.dataSource.transaction(async (tx) => {
      const org = await tx.findOneBy(OrganisationEntity, { id: organisationId });
      if (!org) throw new IdentityError('not-found', 'IDENTITY.ORGANISATION_NOT_FOUND', `organisation ${organisationId} not found`);
      const language = input.language ? canonicalLanguageTag(input.language) : org.defaultLanguage;
      if (!language) throw new IdentityError('invalid', 'IDENTITY.LANGUAGE_INVALID', 'language must be a BCP 47 language tag (e.g. en, zh-CN)', 'language');
      const [member] = await tx.query(`SELECT 1 FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.organisation_id = $1 AND lower(u.email) = $2`, [organisationId, account]);
      if (member) throw new IdentityError('conflict', 'IDENTITY.ALREADY_MEMBER', 'this person is already a member; change their roles instead', 'email');

      await tx
        .createQueryBuilder()
        .update(InvitationEntity)
        .set({ revokedAt: new Date() })
        .where('organisation_id = :organisationId AND lower(email) = :account AND accepted_at IS NULL AND revoked_at IS NULL', { organisationId, account })
        .execute();

      const { token, hash } = SecretToken.generate();
      const sealedAcceptUrl = await this.sealer.seal(`${this.settings.publicWebUrl}/accept-invitation?token=${encodeURIComponent(token)}`);
      const id = randomUUID();
      const expiresAt = new Date(Date.now() + this.settings.invitationTtlHours * 3_600_000);
      const name = input.name?.trim() || null;
      await tx.insert(InvitationEntity, {
        id, organisationId, email, name, roles, language, tokenHash: hash, invitedByUserId: inviter.userId, expiresAt,
        acceptedAt: null, acceptedByUserId: null, revokedAt: null,
      });
      await this.outbox.append(tx, {
        type: 'user.invited',
        version: 2,
        aggregateId: organisationId,
        organisationId,
        payload: {
          invitationId: id,
          organisationId,
          organisationName: org.name,
          email,
          ...(name ? { name } : {}),
          roles,
          language,
          invitedByUserId: inviter.userId,
          invitedByName: inviter.name || inviter.email,
          expiresAt: expiresAt.toISOString(),
          sealedAcceptUrl,
        },
      });
      return { id, organisationId, email, name, roles, language, expiresAt: expiresAt.toISOString() };
    });
  }
}

