import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DelegationRecord, DEFAULT_MATCHING_SETTINGS, FamilyRecord, GuestRecord, MatchingSettings } from '../domain/matching-problem';
import { OfferStatus } from '../domain/offer-state';

/** SQL reads of the placement feature (dates as text, never through a JS Date in the process's zone). */

export function delegationNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'DELEGATION.NOT_FOUND', message: `delegation ${id} not found (host matching knows delegations from the delegations service's events)` });
}

export function offerNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'OFFER.NOT_FOUND', message: `offer ${id} not found` });
}

const DELEGATION_COLUMNS = `id, organisation_id AS "organisationId", title, host_city AS "hostCity", start_date::text AS "startDate", end_date::text AS "endDate", status,
  created_by_user_id AS "createdByUserId"`;

/**
 * The delegation, when the caller's organisation owns it or it is shared with it (else 404). Either may place its
 * guests with its OWN families: typically the partner organisation of the host city hosts an inbound delegation.
 */
export async function loadDelegation(tx: EntityManager, user: Pick<AuthenticatedUser, 'organisationId'>, id: string): Promise<DelegationRecord> {
  const rows = (await tx.query(
    `SELECT ${DELEGATION_COLUMNS} FROM hm_delegation d WHERE id = $1
       AND (organisation_id = $2 OR EXISTS (SELECT 1 FROM hm_delegation_share s WHERE s.delegation_id = d.id AND s.organisation_id = $2))`,
    [id, user.organisationId],
  )) as DelegationRecord[];
  if (!rows[0]) throw delegationNotFound(id);
  return rows[0];
}

export async function loadDelegationById(tx: EntityManager, id: string): Promise<DelegationRecord | undefined> {
  return ((await tx.query(`SELECT ${DELEGATION_COLUMNS} FROM hm_delegation WHERE id = $1`, [id])) as DelegationRecord[])[0];
}

/**
 * Runs a guarded `UPDATE ... RETURNING` and answers how many rows it changed. TypeORM's query() answers an UPDATE on
 * PostgreSQL with `[rows, count]`, not the rows, so callers must not read its result as rows.
 */
export async function updateGuarded(tx: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const res = (await tx.query(sql, params)) as unknown[];
  const rows = Array.isArray(res[0]) ? (res[0] as unknown[]) : res;
  return rows.length;
}

/** Serialises every change to one delegation's proposals and offers (runs, releases, answers, expiry, re-matches). */
export async function lockDelegation(tx: EntityManager, delegationId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('placements:' || $1, 0))`, [delegationId]);
}

export async function loadSettings(tx: EntityManager, delegationId: string): Promise<MatchingSettings> {
  const rows = (await tx.query(
    `SELECT venue_name, venue_latitude, venue_longitude, max_distance_km, minors_gender_rule, offer_response_hours, groups FROM matching_settings WHERE delegation_id = $1`,
    [delegationId],
  )) as { venue_name: string | null; venue_latitude: number | null; venue_longitude: number | null; max_distance_km: number; minors_gender_rule: string; offer_response_hours: number; groups: MatchingSettings['groups'] }[];
  const r = rows[0];
  if (!r) return { ...DEFAULT_MATCHING_SETTINGS };
  return {
    venueName: r.venue_name, venue: r.venue_latitude !== null && r.venue_longitude !== null ? { lat: r.venue_latitude, lng: r.venue_longitude } : null,
    maxDistanceKm: r.max_distance_km, minorsGenderRule: r.minors_gender_rule as MatchingSettings['minorsGenderRule'], offerResponseHours: r.offer_response_hours, groups: r.groups,
  };
}

const GUEST_SELECT = `SELECT m.id AS "memberId", m.participant_id AS "participantId", m.role, (p.id IS NOT NULL) AS "hasProfile", p.given_name AS "givenName",
  p.family_name AS "familyName", p.date_of_birth::text AS "dateOfBirth", p.gender, COALESCE(p.languages, '{}') AS languages, p.nationality,
  COALESCE(p.diet, '{}') AS diet, COALESCE(p.diet_note, '') AS "dietNote", COALESCE(p.allergies, '{}') AS allergies, COALESCE(p.allergy_note, '') AS "allergyNote",
  COALESCE(p.allergies_need_coding, false) AS "allergiesNeedCoding", COALESCE(p.non_smoking_required, false) AS "nonSmokingRequired",
  COALESCE(p.guardian_consent_on_file, false) AS "consentOnFile", p.guardian_consent_expires_on::text AS "consentExpiresOn"
  FROM hm_member m LEFT JOIN hm_participant p ON p.id = m.participant_id`;

/** Members of the delegation who need a homestay (not removed), in a stable order. */
export async function loadGuests(tx: EntityManager, delegationId: string): Promise<GuestRecord[]> {
  return (await tx.query(`${GUEST_SELECT} WHERE m.delegation_id = $1 AND m.lodging_need = 'homestay' AND m.removed_at IS NULL ORDER BY m.id`, [delegationId])) as GuestRecord[];
}

export async function loadGuest(tx: EntityManager, memberId: string): Promise<GuestRecord | undefined> {
  return ((await tx.query(`${GUEST_SELECT} WHERE m.id = $1`, [memberId])) as GuestRecord[])[0];
}

/**
 * The organisation's families (optionally only some) with their adult members and the beds held by active offers of
 * other delegations whose stays overlap [from, to).
 */
export async function loadFamilies(tx: EntityManager, organisationId: string, d: DelegationRecord, only?: string[]): Promise<FamilyRecord[]> {
  const params: unknown[] = [organisationId, d.id, d.startDate, d.endDate];
  let filter = '';
  if (only) {
    params.push(only);
    filter = ` AND f.id = ANY ($5)`;
  }
  return (await tx.query(
    `SELECT f.id, f.name, f.address, f.latitude, f.longitude, f.beds, f.pets, f.smoking, f.languages, f.diets, f.guest_age_min AS "guestAgeMin",
       f.guest_age_max AS "guestAgeMax", f.guest_gender AS "guestGender", f.availability, f.times_hosted AS "timesHosted", f.host_user_ids AS "hostUserIds",
       f.vetting_eligible AS "eligibleForMinors",
       COALESCE((SELECT json_agg(json_build_object('dateOfBirth', hm.date_of_birth::text, 'gender', hm.gender)) FROM household_member hm WHERE hm.family_id = f.id), '[]') AS members,
       (SELECT count(*)::int FROM offer o JOIN hm_delegation od ON od.id = o.delegation_id
         WHERE o.family_id = f.id AND o.delegation_id <> $2 AND o.status IN ('offered', 'accepted', 'confirmed')
           AND od.start_date < $4::date AND $3::date < od.end_date) AS "bedsHeldElsewhere"
     FROM host_family f WHERE f.organisation_id = $1${filter} ORDER BY f.id`,
    params,
  )) as FamilyRecord[];
}

export interface OfferRow {
  id: string; delegation_id: string; organisation_id: string; member_id: string; participant_id: string; family_id: string; proposal_id: string | null;
  origin: string; status: OfferStatus; deadline_at: Date; score: number | null; breakdown: Record<string, number> | null; broken_rules: { rule: string; message: string }[];
  override_note: string | null; created_by: string | null; created_at: Date; responded_at: Date | null; responded_by: string | null; response_reason: string | null;
  confirmed_at: Date | null; ended_at: Date | null; end_reason: string | null; version: number;
}

export async function activeOffers(tx: EntityManager, delegationId: string): Promise<OfferRow[]> {
  return (await tx.query(`SELECT * FROM offer WHERE delegation_id = $1 AND status IN ('offered', 'accepted', 'confirmed') ORDER BY created_at, id`, [delegationId])) as OfferRow[];
}

export async function loadOffer(tx: EntityManager, id: string, lock = false): Promise<OfferRow | undefined> {
  return ((await tx.query(`SELECT * FROM offer WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as OfferRow[])[0];
}

export async function forbiddenPairs(tx: EntityManager, delegationId: string): Promise<{ member_id: string; family_id: string }[]> {
  return (await tx.query(`SELECT member_id, family_id FROM forbidden_pair WHERE delegation_id = $1`, [delegationId])) as { member_id: string; family_id: string }[];
}

export async function familyBasics(tx: EntityManager, ids: string[]): Promise<Map<string, { id: string; name: string; address: string; latitude: number; longitude: number; host_user_ids: string[]; organisation_id: string }>> {
  if (ids.length === 0) return new Map();
  const rows = (await tx.query(`SELECT id, name, address, latitude, longitude, host_user_ids, organisation_id FROM host_family WHERE id = ANY ($1)`, [ids])) as {
    id: string; name: string; address: string; latitude: number; longitude: number; host_user_ids: string[]; organisation_id: string;
  }[];
  return new Map(rows.map((r) => [r.id, r]));
}
