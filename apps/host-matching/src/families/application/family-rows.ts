import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthenticatedUser, hasAnyRole, Role } from '@twinning/platform-auth';
import { FamilyRegisteredV1 } from '@twinning/contracts';
import { HouseholdMemberSnapshot } from '../domain/household-change';

export interface FamilyRow {
  id: string; organisation_id: string; name: string; address: string; latitude: number; longitude: number; bedrooms: number; beds: number;
  pets: string[]; pets_note: string; smoking: boolean; languages: string[]; diets: string[]; diets_note: string; interests: string[]; guest_age_min: number | null; guest_age_max: number | null;
  guest_gender: string; availability: { from: string; to: string }[]; times_hosted: number; host_user_ids: string[]; vetting_eligible: boolean;
  vetting_evaluated_on: string | null; household_review_pending: boolean; version: number; created_by: string; created_at: Date; updated_at: Date;
}

export interface MemberRow { id: string; family_id: string; name: string; date_of_birth: string; relation: string; gender: string; position: number }

/** Organisation staff who see every family of their organisation; anyone else (a `host`) sees only the families they are linked to. */
export const FAMILY_STAFF: readonly Role[] = ['coordinator', 'admin', 'youth-manager'];

export function familyNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'FAMILY.NOT_FOUND', message: `host family ${id} not found` });
}

/** The WHERE clause scoping families to what the caller may see (`f` is host_family), with its parameters from `$start`. */
export function visibleTo(user: AuthenticatedUser, start: number): { sql: string; params: unknown[] } {
  if (hasAnyRole(user, FAMILY_STAFF)) return { sql: `f.organisation_id = $${start}`, params: [user.organisationId] };
  return { sql: `f.organisation_id = $${start} AND $${start + 1}::uuid = ANY (f.host_user_ids)`, params: [user.organisationId, user.userId] };
}

/** Date columns are read as `::text` (YYYY-MM-DD), never through a JS Date in the process's time zone. */
export function day(v: string): string {
  return v.slice(0, 10);
}

/** host_family's columns as `f`, its dates as text. */
export const FAMILY_COLUMNS = `f.id, f.organisation_id, f.name, f.address, f.latitude, f.longitude, f.bedrooms, f.beds, f.pets, f.pets_note, f.smoking, f.languages, f.diets, f.diets_note, f.interests,
  f.guest_age_min, f.guest_age_max, f.guest_gender, f.availability, f.times_hosted, f.host_user_ids, f.vetting_eligible, f.vetting_evaluated_on::text AS vetting_evaluated_on,
  EXISTS (SELECT 1 FROM household_change hc WHERE hc.family_id = f.id AND hc.needs_review AND hc.reviewed_at IS NULL) AS household_review_pending,
  f.version, f.created_by, f.created_at, f.updated_at`;

export async function loadFamily(tx: EntityManager, user: AuthenticatedUser, id: string, lock = false): Promise<FamilyRow> {
  const scope = visibleTo(user, 2);
  const rows = (await tx.query(`SELECT ${FAMILY_COLUMNS} FROM host_family f WHERE f.id = $1 AND ${scope.sql}${lock ? ' FOR UPDATE OF f' : ''}`, [id, ...scope.params])) as FamilyRow[];
  if (!rows[0]) throw familyNotFound(id);
  return rows[0];
}

export async function membersOf(tx: EntityManager, familyIds: string[]): Promise<MemberRow[]> {
  if (familyIds.length === 0) return [];
  return (await tx.query('SELECT id, family_id, name, date_of_birth::text AS date_of_birth, relation, gender, position FROM household_member WHERE family_id = ANY ($1) ORDER BY family_id, position, id', [familyIds])) as MemberRow[];
}

/** A member as HouseholdChange compares it and household_change stores it (before / after). */
export function memberSnapshot(m: MemberRow): HouseholdMemberSnapshot {
  return { id: m.id, name: m.name, dateOfBirth: day(m.date_of_birth), relation: m.relation, gender: m.gender };
}

export function familyView(f: FamilyRow, members: MemberRow[]) {
  return {
    id: f.id, organisationId: f.organisation_id, name: f.name, address: f.address, latitude: f.latitude, longitude: f.longitude,
    bedrooms: f.bedrooms, beds: f.beds, pets: f.pets, petsNote: f.pets_note, smoking: f.smoking, languages: f.languages, diets: f.diets, dietsNote: f.diets_note, interests: f.interests,
    guestAgeMin: f.guest_age_min, guestAgeMax: f.guest_age_max, guestGender: f.guest_gender, availability: f.availability, timesHosted: f.times_hosted,
    hostUserIds: f.host_user_ids,
    members: members.filter((m) => m.family_id === f.id).map((m) => ({ id: m.id, name: m.name, dateOfBirth: day(m.date_of_birth), relation: m.relation, gender: m.gender })),
    vetting: { eligibleForMinors: f.vetting_eligible, evaluatedOn: f.vetting_evaluated_on ? day(f.vetting_evaluated_on) : null, householdReviewPending: f.household_review_pending },
    version: f.version, createdBy: f.created_by, createdAt: f.created_at, updatedAt: f.updated_at,
  };
}

/** The event payload: no street address, no member names, nothing about background checks. */
export function familyPayload(f: FamilyRow, members: MemberRow[], registeredByUserId: string): FamilyRegisteredV1 {
  return {
    familyId: f.id, name: f.name, latitude: f.latitude, longitude: f.longitude, bedrooms: f.bedrooms, beds: f.beds, pets: f.pets, smoking: f.smoking,
    languages: f.languages, diets: f.diets, interests: f.interests, guestAgeMin: f.guest_age_min, guestAgeMax: f.guest_age_max, guestGender: f.guest_gender,
    availability: f.availability, timesHosted: f.times_hosted, hostUserIds: f.host_user_ids,
    members: members.filter((m) => m.family_id === f.id).map((m) => ({ memberId: m.id, dateOfBirth: day(m.date_of_birth), relation: m.relation, gender: m.gender })),
    registeredByUserId,
  };
}
