import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  DelegationCreatedV1, DelegationSharedV1, DelegationStatusChangedV1, DelegationUnsharedV1, DelegationUpdatedV1, EventEnvelope, FamilyRegisteredV1, MemberAddedV1, MemberRemovedV1,
  MembershipGrantedV1, MembershipRemovedV1, MembershipRolesChangedV1, OrganisationRegisteredV1, ParticipantRegisteredV1, PickupPlannedV1, PlacementConfirmedV1, PlacementReleasedV1, SegmentBookedV1,
  Topics, UserRegisteredV1,
} from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';

/**
 * The recipients read model: users (email, name, language), memberships and their roles, organisations (default
 * language, time zone), delegations (owner, title, dates, host city and zone, status, shares), members and their
 * participants' names, host families' host users, confirmed placements, pickup runs and arrival segments — only what
 * the messages need. One consumer group over every topic it reads, so each topic's events apply in order.
 */
@Injectable()
export class RecordRecipientsConsumer implements EventConsumer {
  readonly groupId = 'notifications.recipients';
  readonly topics = [Topics.organisationEvents, Topics.userEvents, Topics.delegationEvents, Topics.participantEvents, Topics.familyEvents, Topics.placementEvents, Topics.travelEvents];
  readonly types = [
    'organisation.registered', 'user.registered', 'membership.granted', 'membership.roles-changed', 'membership.removed',
    'delegation.created', 'delegation.updated', 'delegation.status-changed', 'delegation.shared', 'delegation.unshared', 'member.added', 'member.updated', 'member.removed',
    'participant.registered', 'participant.updated', 'family.registered', 'family.updated', 'placement.confirmed', 'placement.released',
    'pickup.planned', 'pickup.changed', 'segment.booked', 'segment.changed', 'segment.cancelled',
  ];

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const p = event.payload as never;
    switch (event.type) {
      case 'organisation.registered': return this.organisation(tx, p);
      case 'user.registered': return this.user(tx, p);
      case 'membership.granted':
      case 'membership.roles-changed': return this.membership(tx, p, event.occurredAt);
      case 'membership.removed': {
        const m = p as MembershipRemovedV1;
        await tx.query(`DELETE FROM rcp_membership WHERE organisation_id = $1 AND user_id = $2`, [m.organisationId, m.userId]);
        return;
      }
      case 'delegation.created': return this.delegationCreated(tx, event, p);
      case 'delegation.updated': return this.delegationUpdated(tx, event, p);
      case 'delegation.status-changed': {
        const s = p as DelegationStatusChangedV1;
        await tx.query(`UPDATE rcp_delegation SET status = $2 WHERE delegation_id = $1`, [s.delegationId, s.to]);
        return;
      }
      case 'delegation.shared': {
        const s = p as DelegationSharedV1;
        await tx.query(`INSERT INTO rcp_delegation_share (delegation_id, partner_organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [s.delegationId, s.partnerOrganisationId]);
        return;
      }
      case 'delegation.unshared': {
        const s = p as DelegationUnsharedV1;
        await tx.query(`DELETE FROM rcp_delegation_share WHERE delegation_id = $1 AND partner_organisation_id = $2`, [s.delegationId, s.partnerOrganisationId]);
        return;
      }
      case 'member.added':
      case 'member.updated': {
        const m = p as MemberAddedV1;
        await tx.query(`INSERT INTO rcp_member (member_id, delegation_id, participant_id) VALUES ($1, $2, $3) ON CONFLICT (member_id) DO NOTHING`, [m.memberId, m.delegationId, m.participantId]);
        return;
      }
      case 'member.removed': {
        await tx.query(`DELETE FROM rcp_member WHERE member_id = $1`, [(p as MemberRemovedV1).memberId]);
        return;
      }
      case 'participant.registered':
      case 'participant.updated': {
        const r = p as ParticipantRegisteredV1;
        await tx.query(
          `INSERT INTO rcp_participant (participant_id, given_name, family_name) VALUES ($1, $2, $3)
           ON CONFLICT (participant_id) DO UPDATE SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name`,
          [r.participantId, r.givenName, r.familyName],
        );
        return;
      }
      case 'family.registered':
      case 'family.updated': {
        const f = p as FamilyRegisteredV1;
        await tx.query(
          `INSERT INTO rcp_family (family_id, organisation_id, name, host_user_ids) VALUES ($1, $2, $3, $4)
           ON CONFLICT (family_id) DO UPDATE SET name = EXCLUDED.name, host_user_ids = EXCLUDED.host_user_ids, organisation_id = COALESCE(rcp_family.organisation_id, EXCLUDED.organisation_id)`,
          [f.familyId, event.organisationId, f.name, f.hostUserIds],
        );
        // a household member's relation (no names travel), for the vetting reminder
        for (const m of f.members ?? []) {
          await tx.query(`INSERT INTO rcp_family_member (member_id, family_id, relation) VALUES ($1, $2, $3) ON CONFLICT (member_id) DO UPDATE SET relation = EXCLUDED.relation`,
            [m.memberId, f.familyId, m.relation]);
        }
        return;
      }
      case 'placement.confirmed':
      case 'placement.released': {
        const c = p as PlacementConfirmedV1 | PlacementReleasedV1;
        const status = event.type === 'placement.confirmed' ? 'confirmed' : 'released';
        await tx.query(
          `INSERT INTO rcp_placement (offer_id, delegation_id, member_id, family_id, status) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (offer_id) DO UPDATE SET status = EXCLUDED.status`,
          [c.offerId, c.delegationId, c.memberId, c.familyId, status],
        );
        return;
      }
      case 'pickup.planned':
      case 'pickup.changed': {
        const r = p as PickupPlannedV1;
        await tx.query(
          `INSERT INTO rcp_pickup (run_id, delegation_id, member_ids, airport, meeting_at, time_zone, driver_name, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (run_id) DO UPDATE SET member_ids = EXCLUDED.member_ids, airport = EXCLUDED.airport, meeting_at = EXCLUDED.meeting_at, time_zone = EXCLUDED.time_zone,
             driver_name = EXCLUDED.driver_name, updated_at = EXCLUDED.updated_at
           WHERE rcp_pickup.updated_at <= EXCLUDED.updated_at`,
          [r.runId, r.delegationId, r.memberIds, r.airport, r.meetingAt, r.timeZone, r.driverName ?? null, event.occurredAt],
        );
        return;
      }
      case 'segment.booked':
      case 'segment.changed':
      case 'segment.cancelled': {
        const s = p as SegmentBookedV1;
        const status = event.type === 'segment.cancelled' ? 'cancelled' : s.status;
        await tx.query(
          `INSERT INTO rcp_segment (segment_id, delegation_id, member_ids, mode, carrier, number, origin, destination, arrival_at, arrival_time_zone, direction, status, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (segment_id) DO UPDATE SET member_ids = EXCLUDED.member_ids, mode = EXCLUDED.mode, carrier = EXCLUDED.carrier, number = EXCLUDED.number,
             origin = EXCLUDED.origin, destination = EXCLUDED.destination, arrival_at = EXCLUDED.arrival_at, arrival_time_zone = EXCLUDED.arrival_time_zone,
             direction = EXCLUDED.direction, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
           WHERE rcp_segment.updated_at <= EXCLUDED.updated_at`,
          [s.segmentId, s.delegationId, s.memberIds, s.mode, s.carrier ?? null, s.number ?? null, s.from, s.to, s.arrivalAt, s.arrivalTimeZone, s.direction, status, event.occurredAt],
        );
        return;
      }
    }
  }

  private async organisation(tx: EntityManager, o: OrganisationRegisteredV1): Promise<void> {
    await tx.query(
      `INSERT INTO rcp_organisation (organisation_id, name, default_language, time_zone) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id) DO UPDATE SET name = EXCLUDED.name, default_language = EXCLUDED.default_language, time_zone = EXCLUDED.time_zone`,
      [o.organisationId, o.name, o.defaultLanguage, o.timeZone],
    );
  }

  private async user(tx: EntityManager, u: UserRegisteredV1): Promise<void> {
    await tx.query(
      `INSERT INTO rcp_user (user_id, email, name, language, is_invitee, updated_at) VALUES ($1, $2, $3, $4, false, now())
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, language = EXCLUDED.language, is_invitee = false, updated_at = now()`,
      [u.userId, u.email, u.name, u.language],
    );
  }

  private async membership(tx: EntityManager, m: MembershipGrantedV1 | MembershipRolesChangedV1, at: string): Promise<void> {
    await tx.query(
      `INSERT INTO rcp_membership (organisation_id, user_id, roles, granted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id, user_id) DO UPDATE SET roles = EXCLUDED.roles`,
      [m.organisationId, m.userId, m.roles, at],
    );
  }

  private async delegationCreated(tx: EntityManager, e: EventEnvelope, d: DelegationCreatedV1): Promise<void> {
    await tx.query(
      `INSERT INTO rcp_delegation (delegation_id, organisation_id, title, host_city, start_date, end_date, status, created_by_user_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (delegation_id) DO UPDATE SET created_by_user_id = COALESCE(rcp_delegation.created_by_user_id, EXCLUDED.created_by_user_id)`,
      [d.delegationId, e.organisationId, d.title, d.hostCity, d.startDate, d.endDate, d.status, d.createdByUserId ?? null, e.occurredAt],
    );
  }

  private async delegationUpdated(tx: EntityManager, e: EventEnvelope, d: DelegationUpdatedV1): Promise<void> {
    await tx.query(
      `INSERT INTO rcp_delegation (delegation_id, organisation_id, title, host_city, host_time_zone, start_date, end_date, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (delegation_id) DO UPDATE SET title = EXCLUDED.title, host_city = EXCLUDED.host_city, host_time_zone = EXCLUDED.host_time_zone,
         start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
       WHERE rcp_delegation.updated_at <= EXCLUDED.updated_at`,
      [d.delegationId, e.organisationId, d.title, d.hostCity, d.hostTimeZone, d.startDate, d.endDate, d.status, e.occurredAt],
    );
  }
}
