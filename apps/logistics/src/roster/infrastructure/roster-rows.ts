import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';

export interface DelegationRecord {
  id: string; organisationId: string; title: string; hostCity: string; hostTimeZone: string | null; startDate: string; endDate: string; status: string;
}

export interface MemberRecord {
  memberId: string; participantId: string; role: string; lodgingNeed: string; isLeader: boolean;
  givenName: string | null; familyName: string | null; birthYear: number | null; gender: string | null; passportExpiry: string | null;
  /** under 18 on the first day, from the birth year only (the public events carry no full date of birth): when the year
   *  leaves it open (turning 18 in the start year) the member counts as a minor, the safe side; unknown = minor */
  minor: boolean;
}

export interface PlacementRecord {
  offerId: string; memberId: string; familyId: string; familyName: string; address: string; latitude: number | null; longitude: number | null;
  hostUserIds: string[]; stayFrom: string; stayTo: string;
}

export interface ActivityRecord { id: string; title: string; startsAt: Date; endsAt: Date; startsLocal: string; endsLocal: string; timeZone: string }

export function delegationNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'DELEGATION.NOT_FOUND', message: `delegation ${id} not found` });
}

const DELEGATION = `SELECT id, organisation_id AS "organisationId", title, host_city AS "hostCity", host_time_zone AS "hostTimeZone", start_date::text AS "startDate",
  end_date::text AS "endDate", status FROM lg_delegation d`;

/** The delegation when the caller's organisation owns it or it is shared with it (else 404). */
export async function loadDelegation(tx: EntityManager, user: Pick<AuthenticatedUser, 'organisationId'>, id: string): Promise<DelegationRecord> {
  const [d] = (await tx.query(`${DELEGATION} WHERE id = $1 AND (organisation_id = $2 OR EXISTS (SELECT 1 FROM lg_delegation_share s WHERE s.delegation_id = d.id AND s.organisation_id = $2))`,
    [id, user.organisationId])) as DelegationRecord[];
  if (!d) throw delegationNotFound(id);
  return d;
}

export async function loadDelegationById(tx: EntityManager, id: string): Promise<DelegationRecord | undefined> {
  return ((await tx.query(`${DELEGATION} WHERE id = $1`, [id])) as DelegationRecord[])[0];
}

/** Serialises derived work (pickup plans, conflicts) per delegation. */
export async function lockDelegation(tx: EntityManager, delegationId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('logistics:' || $1, 0))`, [delegationId]);
}

/** Current members (not removed), by name. */
export async function loadMembers(tx: EntityManager, d: Pick<DelegationRecord, 'id' | 'startDate'>): Promise<MemberRecord[]> {
  const rows = (await tx.query(
    `SELECT m.id AS "memberId", m.participant_id AS "participantId", m.role, m.lodging_need AS "lodgingNeed", m.is_leader AS "isLeader", p.given_name AS "givenName",
       p.family_name AS "familyName", p.birth_year AS "birthYear", p.gender, p.passport_expiry::text AS "passportExpiry"
     FROM lg_member m LEFT JOIN lg_participant p ON p.id = m.participant_id WHERE m.delegation_id = $1 AND m.removed_at IS NULL ORDER BY p.family_name, p.given_name, m.id`,
    [d.id],
  )) as Omit<MemberRecord, 'minor'>[];
  const startYear = Number(d.startDate.slice(0, 4));
  return rows.map((r) => ({ ...r, minor: r.birthYear === null || startYear - r.birthYear <= 18 }));
}

export async function loadPlacements(tx: EntityManager, delegationId: string): Promise<PlacementRecord[]> {
  return (await tx.query(
    `SELECT offer_id AS "offerId", member_id AS "memberId", family_id AS "familyId", family_name AS "familyName", address, latitude, longitude, host_user_ids AS "hostUserIds",
       stay_from::text AS "stayFrom", stay_to::text AS "stayTo" FROM lg_placement WHERE delegation_id = $1 AND status = 'confirmed'`,
    [delegationId],
  )) as PlacementRecord[];
}

export async function loadActivities(tx: EntityManager, delegationId: string): Promise<ActivityRecord[]> {
  return (await tx.query(
    `SELECT id, title, starts_at AS "startsAt", ends_at AS "endsAt", starts_local AS "startsLocal", ends_local AS "endsLocal", time_zone AS "timeZone"
     FROM lg_activity WHERE delegation_id = $1 AND NOT removed ORDER BY starts_at, id`,
    [delegationId],
  )) as ActivityRecord[];
}
