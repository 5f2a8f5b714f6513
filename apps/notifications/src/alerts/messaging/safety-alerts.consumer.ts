import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, IncidentEscalationOverdueV1, Topics, WelfareAlertRaisedV1 } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { RecipientQueries } from '../../recipients/application/recipient-queries';
import { AlertWriter } from '../application/alert-writer';
import { greetingName, SAFEGUARDING } from '../domain/recipients';

/**
 * Safety (never opted out): `welfare.alert-raised` and `incident.escalation-overdue` → the youth managers and admins of
 * the organisation that owns the participant / incident (the envelope's organisation). Only ids, the rating, type and
 * times travel: the message links to the record, where the sensitive-field rule applies.
 */
@Injectable()
export class SafetyAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.safety';
  readonly topics = [Topics.participantEvents, Topics.incidentEvents];
  readonly types = ['welfare.alert-raised', 'incident.escalation-overdue'];

  constructor(private readonly writer: AlertWriter, private readonly q: RecipientQueries) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const p = event.payload as WelfareAlertRaisedV1 | IncidentEscalationOverdueV1;
    const d = await this.q.delegation(tx, p.delegationId);
    const organisationId = event.organisationId ?? d?.organisationId ?? null;
    const people = await this.q.withRoles(tx, [organisationId], [...SAFEGUARDING]);
    const timeZone = d?.hostTimeZone ?? (await this.q.organisationTimeZone(tx, organisationId));
    if (event.type === 'welfare.alert-raised') {
      const w = p as WelfareAlertRaisedV1;
      const name = await this.q.participantName(tx, w.participantId);
      await this.writer.toEach(tx, 'welfare-alert', people, { eventId: event.eventId, organisationId, delegationId: w.delegationId, subjectId: w.participantId, timeZone },
        (r) => ({ recipientName: greetingName(r), delegationTitle: d?.title ?? '', participantName: name?.fullName ?? '', welfareRating: w.welfareRating, checkedAt: w.checkedAt,
          participantUrl: this.writer.link(`/participants/${w.participantId}`) }));
      return;
    }
    const i = p as IncidentEscalationOverdueV1;
    await this.writer.toEach(tx, 'incident-escalation', people, { eventId: event.eventId, organisationId, delegationId: i.delegationId, subjectId: i.incidentId, timeZone },
      (r) => ({ recipientName: greetingName(r), delegationTitle: d?.title ?? '', incidentType: i.type, severity: i.severity, openedAt: i.openedAt, reportDueAt: i.reportDueAt,
        incidentUrl: this.writer.link(`/incidents/${i.incidentId}`) }));
  }
}
