import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, NotificationDeliveryFailedV1, Topics } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { RecipientQueries } from '../../recipients/application/recipient-queries';
import { AlertWriter } from '../application/alert-writer';
import { COORDINATION, greetingName } from '../domain/recipients';

/**
 * `notification.delivery-failed` (an email given up after its last attempt) → an in-app notice to the coordinators of
 * the organisation the notification was for (the envelope's organisation). In-app only, so a failing mail server
 * cannot make it fail in turn.
 */
@Injectable()
export class DeliveryFailedAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.delivery-failed';
  readonly topics = [Topics.notificationDeliveryEvents];
  readonly types = ['notification.delivery-failed'];

  constructor(private readonly writer: AlertWriter, private readonly q: RecipientQueries) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const f = event.payload as NotificationDeliveryFailedV1;
    const [failedFor] = await this.q.people(tx, [f.recipientUserId]);
    const coordinators = await this.q.withRoles(tx, [event.organisationId], [...COORDINATION]);
    await this.writer.toEach(tx, 'delivery-failed', coordinators, {
      eventId: event.eventId, organisationId: event.organisationId, delegationId: f.delegationId ?? null, subjectId: f.recipientUserId, channels: ['in-app'],
      timeZone: await this.q.organisationTimeZone(tx, event.organisationId),
    }, (x) => ({ recipientName: greetingName(x), failedType: f.notificationType, failedRecipientName: greetingName(failedFor), channel: f.channel, attempts: f.attempts,
      lastError: f.lastError, failedAt: event.occurredAt, deliveryLogUrl: this.writer.link(f.delegationId ? `/delegations/${f.delegationId}/notifications` : `/notifications/log`) }));
  }
}
