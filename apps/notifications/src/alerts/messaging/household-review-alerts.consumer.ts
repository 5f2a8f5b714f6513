import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, FamilyHouseholdReviewRequestedV1, Topics } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { RecipientQueries } from '../../recipients/application/recipient-queries';
import { AlertWriter } from '../application/alert-writer';
import { greetingName } from '../domain/recipients';

/**
 * `family.household-review-requested` → the youth managers of the family's organisation: a host or a coordinator
 * changed who lives in the household, and the family may not host minors until one of them (or an admin) confirms it.
 * Only counts travel (members' names and birth dates stay in host matching); safety-critical, so never opted out.
 */
@Injectable()
export class HouseholdReviewAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.household-review';
  readonly topics = [Topics.familyEvents];
  readonly types = ['family.household-review-requested'];

  constructor(private readonly writer: AlertWriter, private readonly q: RecipientQueries) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const r = event.payload as FamilyHouseholdReviewRequestedV1;
    const family = await this.q.family(tx, r.familyId);
    const organisationId = family?.organisationId ?? event.organisationId;
    const youthManagers = await this.q.withRoles(tx, [organisationId], ['youth-manager']);
    await this.writer.toEach(tx, 'household-review', youthManagers, {
      eventId: event.eventId, organisationId, subjectId: r.changeId, timeZone: await this.q.organisationTimeZone(tx, organisationId),
    }, (p) => ({ recipientName: greetingName(p), familyName: family?.name ?? '', added: r.added.length, removed: r.removed.length, birthDateChanged: r.birthDateChanged.length,
      reviewUrl: this.writer.link(`/families/${r.familyId}/vetting`) }));
  }
}
