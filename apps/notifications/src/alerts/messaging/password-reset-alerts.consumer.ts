import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Topics, UserPasswordResetRequestedV1 } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { SEALED_LINK_PLACEHOLDER } from '../../delivery/domain/sealed-link';
import { AlertWriter } from '../application/alert-writer';

/**
 * `user.password-reset-requested` → the reset email to the account's own address, in the account's language, email
 * only. The event's address and language are the account's as the gateway knows them now, so they are written to the
 * recipients read model first (in the same transaction): the email reaches the right inbox even when this arrives
 * before `user.registered`. The reset link is a bearer secret: it arrives sealed to this service's key and is handed to
 * delivery sealed, opened only when the email is sent, as an invitation's accept link.
 */
@Injectable()
export class PasswordResetAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.password-reset';
  readonly topics = [Topics.userEvents];
  readonly types = ['user.password-reset-requested'];

  constructor(private readonly writer: AlertWriter) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const r = event.payload as UserPasswordResetRequestedV1;
    await tx.query(
      `INSERT INTO rcp_user (user_id, email, name, language, is_invitee, updated_at) VALUES ($1, $2, $3, $4, false, now())
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, language = EXCLUDED.language, is_invitee = false, updated_at = now()`,
      [r.userId, r.email.trim(), r.name, r.language],
    );
    await this.writer.toEach(tx, 'password-reset', [{ userId: r.userId, name: r.name, email: r.email }], {
      eventId: event.eventId, organisationId: null, subjectId: r.userId, channels: ['email'], sealedLink: r.sealedResetUrl,
    }, () => ({ recipientName: r.name, resetUrl: SEALED_LINK_PLACEHOLDER, expiresAt: r.expiresAt }));
  }
}
