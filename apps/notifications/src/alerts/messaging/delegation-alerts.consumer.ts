import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DelegationStatusChangedV1, DelegationUpdatedV1, EventEnvelope, ItineraryChangedV1, Topics } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { RecipientQueries } from '../../recipients/application/recipient-queries';
import { AlertWriter } from '../application/alert-writer';
import { COORDINATION, COORDINATION_AND_ADMIN, greetingName } from '../domain/recipients';

/**
 * A delegation's lifecycle and itinerary → the people who run it: `delegation.status-changed` to confirmed or cancelled
 * and `delegation.updated` go to the coordinators and admins of the owning organisation and of every partner it is
 * shared with; `itinerary.changed` to their coordinators. Times show in the host city's zone.
 */
@Injectable()
export class DelegationAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.delegations';
  readonly topics = [Topics.delegationEvents];
  readonly types = ['delegation.status-changed', 'delegation.updated', 'itinerary.changed'];

  constructor(private readonly writer: AlertWriter, private readonly q: RecipientQueries) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    if (event.type === 'itinerary.changed') return this.itinerary(event, tx);
    const p = event.payload as DelegationStatusChangedV1 | DelegationUpdatedV1;
    const type = event.type === 'delegation.updated' ? 'delegation-changed' : (p as DelegationStatusChangedV1).to === 'confirmed' ? 'delegation-confirmed'
      : (p as DelegationStatusChangedV1).to === 'cancelled' ? 'delegation-cancelled' : null;
    if (!type) return;
    const d = await this.q.delegation(tx, p.delegationId);
    const u = event.type === 'delegation.updated' ? (p as DelegationUpdatedV1) : null;
    const ownerId = d?.organisationId ?? event.organisationId;
    const people = await this.q.withRoles(tx, [ownerId, ...(d?.partnerOrganisationIds ?? [])], [...COORDINATION_AND_ADMIN]);
    const title = u?.title ?? d?.title ?? '';
    const info = { delegationTitle: title, hostCity: u?.hostCity ?? d?.hostCity ?? '', startDate: u?.startDate ?? d?.startDate ?? '', endDate: u?.endDate ?? d?.endDate ?? '',
      delegationUrl: this.writer.link(`/delegations/${p.delegationId}`) };
    await this.writer.toEach(tx, type, people, {
      eventId: event.eventId, organisationId: ownerId, delegationId: p.delegationId, timeZone: u?.hostTimeZone ?? d?.hostTimeZone ?? d?.organisationTimeZone ?? null,
    }, (r) => ({ recipientName: greetingName(r), ...info }));
  }

  private async itinerary(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const i = event.payload as ItineraryChangedV1;
    const d = await this.q.delegation(tx, i.delegationId);
    const ownerId = d?.organisationId ?? event.organisationId;
    const people = await this.q.withRoles(tx, [ownerId, ...(d?.partnerOrganisationIds ?? [])], [...COORDINATION]);
    await this.writer.toEach(tx, 'itinerary-changed', people, { eventId: event.eventId, organisationId: ownerId, delegationId: i.delegationId, subjectId: i.activityId, timeZone: i.timeZone },
      (r) => ({ recipientName: greetingName(r), delegationTitle: d?.title ?? '', change: i.change, activityTitle: i.title, startsAt: i.startsAt, endsAt: i.endsAt,
        itineraryUrl: this.writer.link(`/delegations/${i.delegationId}/itinerary`) }));
  }
}
