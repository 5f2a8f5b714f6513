import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, OfferAcceptedV1, OfferDeclinedV1, OfferExpiredV1, OfferMadeV1, OfferWithdrawnV1, Topics } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';

/**
 * Host offers from host-matching's placement topic, kept only so the delegation's calendar feed can show the
 * deadlines of the open ones (status `offered`); an answer, an expiry or a withdrawal closes the offer. Older events
 * never overwrite newer ones (updated_at).
 */
@Injectable()
export class LogisticsOffersConsumer implements EventConsumer {
  readonly groupId = 'logistics.offers';
  readonly topics = [Topics.placementEvents];
  readonly types = ['offer.made', 'offer.accepted', 'offer.declined', 'offer.expired', 'offer.withdrawn'];

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const at = new Date(event.occurredAt);
    if (event.type === 'offer.made') {
      const p = event.payload as OfferMadeV1;
      await tx.query(
        `INSERT INTO lg_offer (offer_id, delegation_id, member_id, participant_id, family_id, host_user_ids, guest_given_name, deadline_at, status, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'offered', $9) ON CONFLICT (offer_id) DO NOTHING`,
        [p.offerId, p.delegationId, p.memberId, p.participantId, p.familyId, p.hostUserIds, p.guestGivenName, p.deadlineAt, at],
      );
      return;
    }
    const p = event.payload as OfferAcceptedV1 | OfferDeclinedV1 | OfferExpiredV1 | OfferWithdrawnV1;
    const status = event.type.slice('offer.'.length);
    await tx.query(`UPDATE lg_offer SET status = $2, updated_at = $3 WHERE offer_id = $1 AND updated_at <= $3`, [p.offerId, status, at]);
  }
}
