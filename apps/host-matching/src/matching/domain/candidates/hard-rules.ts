import { hasPetAllergen, petsRuledOut } from '@twinning/contracts';
import { birthday } from '../../../families/domain/calendar';
import { CandidateFamily, CandidateGuest, DateRange, GeoPoint, ProgrammeSettings } from './types';

/**
 * The hard rules, each with a stable code, in the FIXED order in which they are applied. The order matters for
 * two things only, both documented: (1) a family excluded by several rules is counted once, under the first rule
 * in this order that excludes it (so per guest: feasible + sum of excluded = families); (2) the explanation of an
 * unplaced guest names the rule at which the remaining candidate count hit zero.
 * Cheap structural rules come first, the distance limit last (so a message reads "no family without cats within
 * 25 km").
 */
export const HARD_RULES = ['CAPACITY', 'AVAILABILITY', 'MINOR_NOT_ELIGIBLE', 'HOST_IS_COORDINATOR', 'GENDER_RULE', 'SMOKING', 'ALLERGY_NOT_CODED', 'PETS_VS_ALLERGY', 'DISTANCE'] as const;
export type HardRuleCode = (typeof HARD_RULES)[number];

export const ADULT_AGE = 18;

export function norm(s: string): string {
  return s.trim().toLowerCase();
}

/**
 * Whether a pet (a pet code) triggers an allergy (an allergen code): the vocabulary's table of what each allergen
 * rules out (libs/contracts). Codes only: a free-text note never reaches a rule.
 */
export function petTriggers(pet: string, allergen: string): boolean {
  return petsRuledOut([allergen], [pet]).length > 0;
}

/** The guest's allergens that concern pets (each rules out some pet kind). */
export function petAllergies(guest: Pick<CandidateGuest, 'allergies'>): string[] {
  return guest.allergies.filter((a) => hasPetAllergen([a]));
}

const EARTH_RADIUS_KM = 6371.0088;

export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether the union of the half-open windows [from, to) covers the whole stay [from, to). */
export function coversStay(windows: readonly DateRange[], stay: DateRange): boolean {
  if (stay.to <= stay.from) return windows.some((w) => w.from <= stay.from && stay.from <= w.to);
  const sorted = windows.filter((w) => w.to > w.from).sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
  let reached = stay.from; // every night before `reached` is covered
  for (const w of sorted) {
    if (w.from > reached) break;
    if (w.to > reached) reached = w.to;
    if (reached >= stay.to) return true;
  }
  return reached >= stay.to;
}

/** Age in whole years on the arrival day: `ageOnArrival`, else from the date of birth, else undefined. */
export function ageOnArrival(guest: Pick<CandidateGuest, 'ageOnArrival' | 'dateOfBirth' | 'stay'>): number | undefined {
  if (guest.ageOnArrival !== undefined) return guest.ageOnArrival;
  if (!guest.dateOfBirth) return undefined;
  const on = guest.stay.from;
  let years = Number(on.slice(0, 4)) - Number(guest.dateOfBirth.slice(0, 4));
  if (birthday(guest.dateOfBirth, years) > on) years--;
  return years;
}

/** A guest is a minor when under 18 on arrival, or when the age is unknown (the safe default). */
export function isMinor(guest: Pick<CandidateGuest, 'ageOnArrival' | 'dateOfBirth' | 'stay'>): boolean {
  const age = ageOnArrival(guest);
  return age === undefined || age < ADULT_AGE;
}

/** A guest with what the rules need precomputed once per guest. */
export interface GuestContext {
  guest: CandidateGuest;
  minor: boolean;
  age: number | undefined;
  petAllergies: string[];
  /** an allergy note not coded yet: any pet may be what it is about */
  allergiesNeedCoding: boolean;
  gender: string;
  coordinators: Set<string>;
}

export function guestContext(guest: CandidateGuest): GuestContext {
  return { guest, minor: isMinor(guest), age: ageOnArrival(guest), petAllergies: petAllergies(guest), allergiesNeedCoding: guest.allergiesNeedCoding === true, gender: norm(guest.gender), coordinators: new Set(guest.coordinatorUserIds) };
}

export interface RuleViolation {
  rule: HardRuleCode;
  message: string;
}

/**
 * Each rule as a predicate "this rule excludes the pair", with a message for one pair. `distanceKm` is passed in
 * so the caller computes it once.
 */
const CHECKS: Record<HardRuleCode, (g: GuestContext, f: CandidateFamily, s: ProgrammeSettings, distanceKm: number) => string | null> = {
  CAPACITY: (_g, f) => (f.freeBeds > 0 ? null : `family ${f.id} has no free bed`),
  AVAILABILITY: (g, f) => (coversStay(f.availability, g.guest.stay) ? null : `family ${f.id} is not available for the whole stay ${g.guest.stay.from} to ${g.guest.stay.to}`),
  MINOR_NOT_ELIGIBLE: (g, f) => (!g.minor || f.eligibleForMinors ? null : `family ${f.id} is not vetted for minors`),
  HOST_IS_COORDINATOR: (g, f) => {
    if (!g.minor) return null;
    const both = f.hostUserIds.find((u) => g.coordinators.has(u));
    return both === undefined ? null : `user ${both} coordinates this minor and cannot also host them`;
  },
  GENDER_RULE: (g, f, s) => {
    if (!g.minor || s.minorsGenderRule === 'none') return null;
    return f.adultMemberGenders.some((x) => norm(x) === g.gender) ? null : `family ${f.id} has no ${g.gender} host parent present`;
  },
  SMOKING: (g, f) => (g.guest.nonSmokingRequired && f.smoking ? `family ${f.id} is a smoking household` : null),
  ALLERGY_NOT_CODED: (g, f) => (g.allergiesNeedCoding && f.pets.length > 0 ? `family ${f.id} has pets and the guest's allergies are not coded yet (a youth manager must code them)` : null),
  PETS_VS_ALLERGY: (g, f) => {
    if (g.petAllergies.length === 0) return null;
    for (const pet of f.pets) {
      const allergy = g.petAllergies.find((a) => petTriggers(pet, a));
      if (allergy !== undefined) return `family ${f.id} has a pet (${pet}) the guest is allergic to (${allergy})`;
    }
    return null;
  },
  DISTANCE: (_g, f, s, km) => (km <= s.maxDistanceKm ? null : `family ${f.id} is ${km.toFixed(1)} km from the venue (limit ${s.maxDistanceKm} km)`),
};

/** The first rule (in HARD_RULES order) that excludes the pair, or null when the pair is feasible. */
export function firstViolation(g: GuestContext, f: CandidateFamily, s: ProgrammeSettings, distanceKm = haversineKm(f.location, g.guest.venue)): RuleViolation | null {
  for (const rule of HARD_RULES) {
    const message = CHECKS[rule](g, f, s, distanceKm);
    if (message !== null) return { rule, message };
  }
  return null;
}

/** Every rule the pair breaks (what a coordinator assigning by hand is told). */
export function allViolations(g: GuestContext, f: CandidateFamily, s: ProgrammeSettings, distanceKm = haversineKm(f.location, g.guest.venue)): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const rule of HARD_RULES) {
    const message = CHECKS[rule](g, f, s, distanceKm);
    if (message !== null) out.push({ rule, message });
  }
  return out;
}
