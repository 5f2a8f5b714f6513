import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  DelegationCreatedV1, DelegationSharedV1, DelegationStatusChangedV1, DelegationUnsharedV1, DelegationUpdatedV1, EventEnvelope, ItineraryChangedV1, MemberAddedV1, MemberRemovedV1,
  MemberUpdatedV1, ParticipantRegisteredV1, ParticipantTravelDocumentChangedV1, ParticipantUpdatedV1, PlacementConfirmedV1, PlacementReleasedV1, Topics,
} from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { RosterHooks } from '../roster-hooks';

/**
 * Logistics' read model of delegations (and shares), members, participants (names, birth year, gender, passport
 * expiry), itinerary activities and confirmed host-family placements. After applying an event it tells the features
 * (RosterHooks) in the same transaction, so conflicts and pickup plans follow every relevant change.
 */
@Injectable()
export class LogisticsRosterConsumer implements EventConsumer {
  readonly groupId = 'logistics.roster';
  readonly topics = [Topics.delegationEvents, Topics.participantEvents, Topics.placementEvents];
  readonly types = [
    'delegation.created', 'delegation.updated', 'delegation.status-changed', 'delegation.shared', 'delegation.unshared', 'member.added', 'member.updated', 'member.removed',
    'itinerary.changed', 'participant.registered', 'participant.updated', 'participant.travel-document-changed', 'placement.confirmed', 'placement.released',
  ];

  constructor(private readonly hooks: RosterHooks) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const at = new Date(event.occurredAt);
    const delegationId = await this.apply(event, tx, at);
    for (const id of delegationId) await this.hooks.notify(tx, { delegationId: id, cause: event.type, at });
  }

  /** Applies the event; returns the delegations it concerns. */
  private async apply(event: EventEnvelope, tx: EntityManager, at: Date): Promise<string[]> {
    switch (event.type) {
      case 'delegation.created': {
        const p = event.payload as DelegationCreatedV1;
        await tx.query(`INSERT INTO lg_delegation (id, organisation_id, title, host_city, start_date, end_date, status, last_event_at, host_time_zone)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
          [p.delegationId, event.organisationId, p.title, p.hostCity, p.startDate, p.endDate, p.status, at, p.hostTimeZone ?? null]);
        return [p.delegationId];
      }
      case 'delegation.updated': {
        const p = event.payload as DelegationUpdatedV1;
        await tx.query(`UPDATE lg_delegation SET title = $2, host_city = $3, host_time_zone = $4, start_date = $5, end_date = $6, status = $7, last_event_at = $8 WHERE id = $1 AND last_event_at <= $8`,
          [p.delegationId, p.title, p.hostCity, p.hostTimeZone, p.startDate, p.endDate, p.status, at]);
        return [p.delegationId];
      }
      case 'delegation.status-changed': {
        const p = event.payload as DelegationStatusChangedV1;
        await tx.query(`UPDATE lg_delegation SET status = $2, last_event_at = GREATEST(last_event_at, $3) WHERE id = $1`, [p.delegationId, p.to, at]);
        return [p.delegationId];
      }
      case 'delegation.shared': {
        const p = event.payload as DelegationSharedV1;
        await tx.query(`INSERT INTO lg_delegation_share (delegation_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [p.delegationId, p.partnerOrganisationId]);
        return [];
      }
      case 'delegation.unshared': {
        const p = event.payload as DelegationUnsharedV1;
        await tx.query(`DELETE FROM lg_delegation_share WHERE delegation_id = $1 AND organisation_id = $2`, [p.delegationId, p.partnerOrganisationId]);
        return [];
      }
      case 'member.added':
      case 'member.updated': {
        const p = event.payload as MemberAddedV1 | MemberUpdatedV1;
        await tx.query(
          `INSERT INTO lg_member (id, delegation_id, participant_id, role, lodging_need, is_leader) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, lodging_need = EXCLUDED.lodging_need, is_leader = EXCLUDED.is_leader, removed_at = NULL`,
          [p.memberId, p.delegationId, p.participantId, p.role, p.lodgingNeed, p.isLeader],
        );
        return [p.delegationId];
      }
      case 'member.removed': {
        const p = event.payload as MemberRemovedV1;
        await tx.query(`UPDATE lg_member SET removed_at = $2 WHERE id = $1`, [p.memberId, at]);
        return [p.delegationId];
      }
      case 'itinerary.changed': {
        const p = event.payload as ItineraryChangedV1;
        await tx.query(
          `INSERT INTO lg_activity (id, delegation_id, title, starts_at, ends_at, starts_local, ends_local, time_zone, removed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, starts_local = EXCLUDED.starts_local,
             ends_local = EXCLUDED.ends_local, time_zone = EXCLUDED.time_zone, removed = EXCLUDED.removed`,
          [p.activityId, p.delegationId, p.title, p.startsAt, p.endsAt, p.startsLocal, p.endsLocal, p.timeZone, p.change === 'removed'],
        );
        return [p.delegationId];
      }
      case 'participant.registered':
      case 'participant.updated': {
        const p = event.payload as ParticipantRegisteredV1 | ParticipantUpdatedV1;
        await tx.query(
          `INSERT INTO lg_participant (id, organisation_id, given_name, family_name, birth_year, gender, last_event_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (id) DO UPDATE SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name, birth_year = EXCLUDED.birth_year, gender = EXCLUDED.gender,
             last_event_at = EXCLUDED.last_event_at WHERE lg_participant.last_event_at <= EXCLUDED.last_event_at`,
          [p.participantId, event.organisationId, p.givenName, p.familyName, p.birthYear, p.gender, at],
        );
        return this.delegationsOf(tx, p.participantId);
      }
      case 'participant.travel-document-changed': {
        const p = event.payload as ParticipantTravelDocumentChangedV1;
        await tx.query(`UPDATE lg_participant SET passport_expiry = $2 WHERE id = $1`, [p.participantId, p.passportExpiry]);
        return this.delegationsOf(tx, p.participantId);
      }
      case 'placement.confirmed': {
        const p = event.payload as PlacementConfirmedV1;
        await tx.query(
          `INSERT INTO lg_placement (offer_id, delegation_id, member_id, participant_id, family_id, family_name, address, latitude, longitude, host_user_ids, stay_from, stay_to, status, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'confirmed', $13)
           ON CONFLICT (offer_id) DO UPDATE SET status = 'confirmed', updated_at = EXCLUDED.updated_at WHERE lg_placement.updated_at <= EXCLUDED.updated_at`,
          [p.offerId, p.delegationId, p.memberId, p.participantId, p.familyId, p.familyName, p.address, p.latitude ?? null, p.longitude ?? null, p.hostUserIds, p.stayFrom, p.stayTo, at],
        );
        return [p.delegationId];
      }
      case 'placement.released': {
        const p = event.payload as PlacementReleasedV1;
        await tx.query(`UPDATE lg_placement SET status = 'released', updated_at = $2 WHERE offer_id = $1`, [p.offerId, at]);
        return [p.delegationId];
      }
    }
    return [];
  }

  private async delegationsOf(tx: EntityManager, participantId: string): Promise<string[]> {
    const rows = (await tx.query(`SELECT DISTINCT delegation_id FROM lg_member WHERE participant_id = $1 AND removed_at IS NULL`, [participantId])) as { delegation_id: string }[];
    return rows.map((r) => r.delegation_id);
  }
}
