import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Topics, UserInvitedV1 } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { inviteeRecipientId } from '../../recipients/domain/invitee-id';
import { AlertWriter } from '../application/alert-writer';

/**
 * `user.invited` → the invitation email to the invitee, who has no user id yet: they are recorded in the recipients
 * read model under a synthetic id (UUID v5 of their email, see inviteeRecipientId) with the invitation's language and
 * the inviting organisation, in the same transaction, so delivery's RecipientDirectory finds their address and language.
 * Email only: an invitee has no in-app feed. A registered user with that address keeps their own row (other id).
 */
@Injectable()
export class InvitationAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.invitation';
  readonly topics = [Topics.organisationEvents];
  readonly types = ['user.invited'];

  constructor(private readonly writer: AlertWriter) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const i = event.payload as UserInvitedV1;
    const recipientUserId = inviteeRecipientId(i.email);
    await tx.query(
      `INSERT INTO rcp_user (user_id, email, name, language, is_invitee, invited_organisation_id, updated_at) VALUES ($1, $2, $3, $4, true, $5, now())
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = COALESCE(EXCLUDED.name, rcp_user.name), language = EXCLUDED.language,
         invited_organisation_id = EXCLUDED.invited_organisation_id, updated_at = now()`,
      [recipientUserId, i.email.trim(), i.name ?? null, i.language, i.organisationId],
    );
    await this.writer.toEach(tx, 'invitation', [{ userId: recipientUserId, name: i.name ?? null, email: i.email }], {
      eventId: event.eventId, organisationId: i.organisationId, subjectId: i.invitationId, channels: ['email'],
    }, () => ({ inviteeName: i.name ?? null, organisationName: i.organisationName, invitedByName: i.invitedByName, acceptUrl: i.acceptUrl, expiresAt: i.expiresAt }));
  }
}
