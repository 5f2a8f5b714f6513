import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Topics, UserInvitedV1, UserInvitedV2 } from '@twinning/contracts';
import { SecretOpener } from '@twinning/platform-auth';
import { EventConsumer } from '@twinning/platform-messaging';
import { SEALED_LINK_PLACEHOLDER } from '../../delivery/domain/sealed-link';
import { inviteeRecipientId } from '../../recipients/domain/invitee-id';
import { AlertWriter } from '../application/alert-writer';

/**
 * `user.invited` → the invitation email to the invitee, who has no user id yet: they are recorded in the recipients
 * read model under a synthetic id (UUID v5 of their email, see inviteeRecipientId) with the invitation's language and
 * the inviting organisation, in the same transaction, so delivery's RecipientDirectory finds their address and language.
 * Email only: an invitee has no in-app feed. A registered user with that address keeps their own row (other id).
 * The accept link is a bearer secret: it arrives sealed to this service's key (v2) and is handed to delivery sealed,
 * opened only when the email is sent. A v1 event (from before links were sealed) carries it in the clear: it is
 * sealed here to this service's own key first, so that no stored row ever holds it readable.
 */
@Injectable()
export class InvitationAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.invitation';
  readonly topics = [Topics.organisationEvents];
  readonly types = ['user.invited'];

  constructor(private readonly writer: AlertWriter, private readonly opener: SecretOpener) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const i = event.payload as UserInvitedV1 | UserInvitedV2;
    const sealedLink = 'sealedAcceptUrl' in i ? i.sealedAcceptUrl : await this.opener.sealer().seal(i.acceptUrl);
    const recipientUserId = inviteeRecipientId(i.email);
    await tx.query(
      `INSERT INTO rcp_user (user_id, email, name, language, is_invitee, invited_organisation_id, updated_at) VALUES ($1, $2, $3, $4, true, $5, now())
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = COALESCE(EXCLUDED.name, rcp_user.name), language = EXCLUDED.language,
         invited_organisation_id = EXCLUDED.invited_organisation_id, updated_at = now()`,
      [recipientUserId, i.email.trim(), i.name ?? null, i.language, i.organisationId],
    );
    await this.writer.toEach(tx, 'invitation', [{ userId: recipientUserId, name: i.name ?? null, email: i.email }], {
      eventId: event.eventId, organisationId: i.organisationId, subjectId: i.invitationId, channels: ['email'], sealedLink,
    }, () => ({ inviteeName: i.name ?? null, organisationName: i.organisationName, invitedByName: i.invitedByName, acceptUrl: SEALED_LINK_PLACEHOLDER, expiresAt: i.expiresAt }));
  }
}
