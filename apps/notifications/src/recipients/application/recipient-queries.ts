import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface Person { userId: string; name: string | null; email: string | null }
export interface DelegationInfo {
  delegationId: string; organisationId: string | null; title: string; hostCity: string; hostTimeZone: string | null; startDate: string; endDate: string; status: string;
  createdByUserId: string | null; partnerOrganisationIds: string[]; organisationTimeZone: string | null;
}
export interface FamilyInfo { familyId: string; organisationId: string | null; name: string; hostUserIds: string[] }
export interface ArrivalInfo { arrivalAt: string; arrivalTimeZone: string; destination: string }
export interface PickupRow { runId: string; airport: string; meetingAt: string; timeZone: string; driverName: string | null }

/**
 * Reads of the recipients read model that the alerts need: who holds which role where, a delegation's owner and
 * partners, a family's hosts, a member's guest name, arrival and pickup. Everything is read in the caller's transaction.
 */
@Injectable()
export class RecipientQueries {
  /** Members of any of `organisationIds` holding any of `roles` (each person once). */
  async withRoles(tx: EntityManager, organisationIds: (string | null | undefined)[], roles: string[]): Promise<Person[]> {
    const orgs = [...new Set(organisationIds.filter((o): o is string => !!o))];
    if (!orgs.length) return [];
    const rows = (await tx.query(
      `SELECT DISTINCT m.user_id, u.name, u.email FROM rcp_membership m LEFT JOIN rcp_user u ON u.user_id = m.user_id
       WHERE m.organisation_id = ANY ($1::uuid[]) AND m.roles && $2::text[] ORDER BY m.user_id`,
      [orgs, roles],
    )) as { user_id: string; name: string | null; email: string | null }[];
    return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email }));
  }

  /** The people with these ids as far as the read model knows them (unknown ones with a null name). */
  async people(tx: EntityManager, userIds: string[]): Promise<Person[]> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return [];
    const rows = (await tx.query(`SELECT user_id, name, email FROM rcp_user WHERE user_id = ANY ($1::uuid[])`, [ids])) as { user_id: string; name: string | null; email: string | null }[];
    const byId = new Map(rows.map((r) => [r.user_id, r]));
    return ids.map((id) => ({ userId: id, name: byId.get(id)?.name ?? null, email: byId.get(id)?.email ?? null }));
  }

  async delegation(tx: EntityManager, delegationId: string): Promise<DelegationInfo | null> {
    const [d] = (await tx.query(
      `SELECT d.*, d.start_date::text AS start, d.end_date::text AS "end", o.time_zone AS org_zone,
         COALESCE((SELECT array_agg(s.partner_organisation_id) FROM rcp_delegation_share s WHERE s.delegation_id = d.delegation_id), '{}') AS partners
       FROM rcp_delegation d LEFT JOIN rcp_organisation o ON o.organisation_id = d.organisation_id WHERE d.delegation_id = $1`,
      [delegationId],
    )) as Record<string, unknown>[];
    if (!d) return null;
    return {
      delegationId, organisationId: d.organisation_id as string | null, title: d.title as string, hostCity: d.host_city as string, hostTimeZone: d.host_time_zone as string | null,
      startDate: d.start as string, endDate: d.end as string, status: d.status as string, createdByUserId: d.created_by_user_id as string | null,
      partnerOrganisationIds: d.partners as string[], organisationTimeZone: d.org_zone as string | null,
    };
  }

  async family(tx: EntityManager, familyId: string): Promise<FamilyInfo | null> {
    const [f] = (await tx.query(`SELECT family_id, organisation_id, name, host_user_ids FROM rcp_family WHERE family_id = $1`, [familyId])) as
      { family_id: string; organisation_id: string | null; name: string; host_user_ids: string[] }[];
    return f ? { familyId: f.family_id, organisationId: f.organisation_id, name: f.name, hostUserIds: f.host_user_ids } : null;
  }

  async organisationTimeZone(tx: EntityManager, organisationId: string | null): Promise<string | null> {
    if (!organisationId) return null;
    const [o] = (await tx.query(`SELECT time_zone FROM rcp_organisation WHERE organisation_id = $1`, [organisationId])) as { time_zone: string }[];
    return o?.time_zone ?? null;
  }

  /** A participant's full name (given + family), if the participant events reached us. */
  async participantName(tx: EntityManager, participantId: string): Promise<{ givenName: string; fullName: string } | null> {
    const [p] = (await tx.query(`SELECT given_name, family_name FROM rcp_participant WHERE participant_id = $1`, [participantId])) as { given_name: string; family_name: string }[];
    return p ? { givenName: p.given_name, fullName: `${p.given_name} ${p.family_name}` } : null;
  }

  /** The member's last arrival into the visit (a booked segment with direction `arrival`). */
  async arrivalOf(tx: EntityManager, memberId: string): Promise<ArrivalInfo | null> {
    const [s] = (await tx.query(
      `SELECT arrival_at, arrival_time_zone, destination FROM rcp_segment WHERE $1::uuid = ANY (member_ids) AND direction = 'arrival' AND status <> 'cancelled'
       ORDER BY arrival_at DESC LIMIT 1`,
      [memberId],
    )) as { arrival_at: Date; arrival_time_zone: string; destination: string }[];
    return s ? { arrivalAt: new Date(s.arrival_at).toISOString(), arrivalTimeZone: s.arrival_time_zone, destination: s.destination } : null;
  }

  async pickupOf(tx: EntityManager, memberId: string): Promise<PickupRow | null> {
    const [r] = (await tx.query(
      `SELECT run_id, airport, meeting_at, time_zone, driver_name FROM rcp_pickup WHERE $1::uuid = ANY (member_ids) ORDER BY meeting_at DESC LIMIT 1`,
      [memberId],
    )) as { run_id: string; airport: string; meeting_at: Date; time_zone: string; driver_name: string | null }[];
    return r ? { runId: r.run_id, airport: r.airport, meetingAt: new Date(r.meeting_at).toISOString(), timeZone: r.time_zone, driverName: r.driver_name } : null;
  }

  /** The families with a confirmed placement of any of these members (for a pickup's drop-offs). */
  async familiesHosting(tx: EntityManager, memberIds: string[]): Promise<FamilyInfo[]> {
    if (!memberIds.length) return [];
    const rows = (await tx.query(
      `SELECT DISTINCT f.family_id, f.organisation_id, f.name, f.host_user_ids FROM rcp_placement p JOIN rcp_family f ON f.family_id = p.family_id
       WHERE p.member_id = ANY ($1::uuid[]) AND p.status = 'confirmed'`,
      [memberIds],
    )) as { family_id: string; organisation_id: string | null; name: string; host_user_ids: string[] }[];
    return rows.map((f) => ({ familyId: f.family_id, organisationId: f.organisation_id, name: f.name, hostUserIds: f.host_user_ids }));
  }
}
