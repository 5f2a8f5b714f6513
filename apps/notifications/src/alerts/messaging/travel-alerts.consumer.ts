import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictRaisedV1, ConflictResolvedV1, EventEnvelope, PickupPlannedV1, SegmentChangedV1, Topics } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { RecipientQueries } from '../../recipients/application/recipient-queries';
import { AlertWriter } from '../application/alert-writer';
import { COORDINATION, greetingName } from '../domain/recipients';

/**
 * Travel logistics → the coordinators of the delegation's owning and partner organisations: `segment.changed` and
 * `segment.cancelled` (travel-changed, times in the departure and arrival zones), `pickup.planned` (also to the hosts of
 * the families whose placed guests the run drops off; times in the airport's zone) and `conflict.raised` (folded per
 * delegation and window by delivery: one email lists the problems of a window). A `conflict.resolved` withdraws the
 * email of that conflict while it still waits in its window, so the folded message lists only what still needs doing.
 */
@Injectable()
export class TravelAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.travel';
  readonly topics = [Topics.travelEvents];
  readonly types = ['segment.changed', 'segment.cancelled', 'pickup.planned', 'conflict.raised', 'conflict.resolved'];

  constructor(private readonly writer: AlertWriter, private readonly q: RecipientQueries) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    if (event.type === 'conflict.resolved') {
      await this.writer.withdrawFolded(tx, 'conflict-raised', (event.payload as ConflictResolvedV1).key, 'resolved before it was sent');
      return;
    }
    const p = event.payload as SegmentChangedV1 | PickupPlannedV1 | ConflictRaisedV1;
    const d = await this.q.delegation(tx, p.delegationId);
    const ownerId = d?.organisationId ?? event.organisationId;
    const coordinators = await this.q.withRoles(tx, [ownerId, ...(d?.partnerOrganisationIds ?? [])], [...COORDINATION]);
    const common = { eventId: event.eventId, organisationId: ownerId, delegationId: p.delegationId };
    const delegationTitle = d?.title ?? '';
    const travelUrl = this.writer.link(`/delegations/${p.delegationId}/travel`);
    if (event.type === 'pickup.planned') {
      const r = p as PickupPlannedV1;
      const dropped = r.dropOffs.filter((x) => x.kind === 'homestay').flatMap((x) => x.memberIds);
      const hosts = await this.q.people(tx, (await this.q.familiesHosting(tx, dropped)).flatMap((f) => f.hostUserIds));
      await this.writer.toEach(tx, 'pickup-planned', [...coordinators, ...hosts], { ...common, subjectId: r.runId, timeZone: r.timeZone },
        (x) => ({ recipientName: greetingName(x), delegationTitle, airport: r.airport, meetingAt: r.meetingAt, driverName: r.driverName ?? null, dropOffs: r.dropOffs.map((o) => o.label), travelUrl }));
      return;
    }
    if (event.type === 'conflict.raised') {
      const c = p as ConflictRaisedV1;
      await this.writer.toEach(tx, 'conflict-raised', coordinators, { ...common, subjectId: c.memberId ?? c.conflictId, timeZone: d?.hostTimeZone ?? d?.organisationTimeZone ?? null,
        fold: { item: c.key, summary: c.message } },
        (x) => ({ recipientName: greetingName(x), delegationTitle, conflictKind: c.kind, message: c.message, logisticsUrl: this.writer.link(`/delegations/${c.delegationId}/logistics`) }));
      return;
    }
    const s = p as SegmentChangedV1;
    await this.writer.toEach(tx, 'travel-changed', coordinators, { ...common, subjectId: s.segmentId, timeZone: s.arrivalTimeZone },
      (x) => ({ recipientName: greetingName(x), delegationTitle, cancelled: event.type === 'segment.cancelled' || s.status === 'cancelled', carrier: s.carrier ?? null,
        number: s.number ?? null, from: s.from, to: s.to, departureAt: s.departureAt, departureTimeZone: s.departureTimeZone, arrivalAt: s.arrivalAt,
        arrivalTimeZone: s.arrivalTimeZone, travelUrl }));
  }
}
