import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, OfferAcceptedV1, OfferDeclinedV1, OfferExpiredV1, OfferMadeV1, OfferWithdrawnV1, Topics } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { RecipientQueries } from '../../recipients/application/recipient-queries';
import { AlertWriter } from '../application/alert-writer';
import { COORDINATION, greetingName } from '../domain/recipients';

type Outcome = OfferAcceptedV1 | OfferDeclinedV1 | OfferExpiredV1 | OfferWithdrawnV1;

/**
 * Offers: `offer.made` → the family's hosts (the event's hostUserIds) with the deadline; the answers (`offer.accepted`,
 * `declined`, `expired`, `withdrawn`) → the coordinators of the host organisation (the offer's organisation). A
 * withdrawal of kind `moved-by-rematch` says nothing by itself: the re-match's `offer.made` (origin `rematch`) for the
 * same guest, which host matching publishes right after it, becomes one `offer-rematched` to those coordinators. Every
 * offer is tracked in `alert_offer` (open until answered) for the reminder job.
 */
@Injectable()
export class OfferAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.offers';
  readonly topics = [Topics.placementEvents];
  readonly types = ['offer.made', 'offer.accepted', 'offer.declined', 'offer.expired', 'offer.withdrawn'];

  constructor(private readonly writer: AlertWriter, private readonly q: RecipientQueries) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    if (event.type === 'offer.made') return this.made(event, tx);
    const o = event.payload as Outcome;
    const kind = event.type === 'offer.withdrawn' ? (o as OfferWithdrawnV1).kind : null;
    const status = kind === 'moved-by-rematch' ? 'moved' : event.type.slice('offer.'.length);
    // an UPDATE ... RETURNING answers [rows, count] on Postgres
    const [tracked] = (await tx.query(`UPDATE alert_offer SET status = $2, withdrawal_kind = $3 WHERE offer_id = $1 RETURNING guest_given_name`, [o.offerId, status, kind])) as
      [{ guest_given_name: string }[], number];
    if (kind === 'moved-by-rematch') return;
    const d = await this.q.delegation(tx, o.delegationId);
    const family = await this.q.family(tx, o.familyId);
    const guestName = tracked?.[0]?.guest_given_name ?? (await this.q.participantName(tx, o.participantId))?.givenName ?? '';
    const people = await this.q.withRoles(tx, [event.organisationId], [...COORDINATION]);
    const common = { eventId: event.eventId, organisationId: event.organisationId, delegationId: o.delegationId, subjectId: o.participantId,
      timeZone: d?.hostTimeZone ?? (await this.q.organisationTimeZone(tx, event.organisationId)) };
    const base = (r: { userId: string; name: string | null; email: string | null }) => ({ recipientName: greetingName(r), hostFamilyName: family?.name ?? '', guestName,
      delegationTitle: d?.title ?? '', placementsUrl: this.writer.link(`/delegations/${o.delegationId}/placements`) });
    switch (event.type) {
      case 'offer.accepted':
        await this.writer.toEach(tx, 'offer-accepted', people, common, (r) => ({ ...base(r), awaitingGuardianConsent: (o as OfferAcceptedV1).awaitingGuardianConsent }));
        return;
      case 'offer.declined':
        await this.writer.toEach(tx, 'offer-declined', people, common, (r) => ({ ...base(r), reason: (o as OfferDeclinedV1).reason }));
        return;
      case 'offer.expired':
        await this.writer.toEach(tx, 'offer-expired', people, common, (r) => ({ ...base(r), deadline: (o as OfferExpiredV1).deadlineAt }));
        return;
      case 'offer.withdrawn':
        await this.writer.toEach(tx, 'offer-withdrawn', people, common, (r) => ({ ...base(r), reason: (o as OfferWithdrawnV1).reason }));
        return;
    }
  }

  private async made(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const m = event.payload as OfferMadeV1;
    const deadline = new Date(m.deadlineAt).toISOString();
    await tx.query(
      `INSERT INTO alert_offer (offer_id, delegation_id, member_id, participant_id, family_id, organisation_id, host_user_ids, guest_given_name, deadline_at, origin, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11) ON CONFLICT (offer_id) DO NOTHING`,
      [m.offerId, m.delegationId, m.memberId, m.participantId, m.familyId, event.organisationId, m.hostUserIds, m.guestGivenName, deadline, m.origin, event.occurredAt],
    );
    const d = await this.q.delegation(tx, m.delegationId);
    const timeZone = d?.hostTimeZone ?? (await this.q.organisationTimeZone(tx, event.organisationId));
    const family = await this.q.family(tx, m.familyId);
    const hosts = await this.q.people(tx, m.hostUserIds);
    await this.writer.toEach(tx, 'offer-made', hosts, { eventId: event.eventId, organisationId: event.organisationId, delegationId: m.delegationId, subjectId: m.participantId, timeZone },
      (h) => ({ hostName: greetingName(h), guestName: m.guestGivenName, delegationTitle: d?.title ?? '', hostCity: d?.hostCity ?? '', arrivalDate: d?.startDate ?? '',
        departureDate: d?.endDate ?? '', deadline, offerUrl: this.writer.link(`/offers/${m.offerId}`) }));
    if (m.origin !== 'rematch') return;
    // the guest's previous offer, moved away by this re-match: one 'offer-rematched' to the coordinators
    const moved = (await tx.query(
      `UPDATE alert_offer SET status = 'rematched' WHERE offer_id = (
         SELECT offer_id FROM alert_offer WHERE member_id = $1 AND status = 'moved' AND offer_id <> $2 ORDER BY created_at DESC LIMIT 1) RETURNING offer_id`,
      [m.memberId, m.offerId],
    )) as [unknown[], number];
    if (!moved[0]?.length) return;
    const people = await this.q.withRoles(tx, [event.organisationId], [...COORDINATION]);
    await this.writer.toEach(tx, 'offer-rematched', people, { eventId: event.eventId, organisationId: event.organisationId, delegationId: m.delegationId, subjectId: m.participantId, timeZone },
      (r) => ({ recipientName: greetingName(r), guestName: m.guestGivenName, delegationTitle: d?.title ?? '', newFamilyName: family?.name ?? '',
        placementsUrl: this.writer.link(`/delegations/${m.delegationId}/placements`) }));
  }
}
