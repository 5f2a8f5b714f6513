import { CodedProfile } from './coded-profile';
import { ageOnArrival, CandidateFamily, CandidateGuest, GeoPoint, MinorsGenderRule, programmeSettings, ProgrammeSettings } from '../../matching/domain/candidates';

/**
 * From the service's records to the matching engine's inputs (pure: no I/O).
 * The stay of every guest is the delegation's visit: arrival on `startDate`, departure on `endDate`.
 */
export interface DelegationRecord {
  id: string;
  organisationId: string;
  title: string;
  hostCity: string;
  startDate: string;
  endDate: string;
  status: string;
  createdByUserId: string | null;
}

/** A homestay guest; the diet and allergen codes with their notes are the stored CodedProfile. */
export interface GuestRecord extends CodedProfile {
  memberId: string;
  participantId: string;
  role: string;
  /** false until the restricted matching profile arrived from delegations */
  hasProfile: boolean;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  languages: string[];
  nationality: string | null;
  consentOnFile: boolean;
  consentExpiresOn: string | null;
}

export interface FamilyRecord {
  id: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  beds: number;
  pets: string[];
  smoking: boolean;
  languages: string[];
  diets: string[];
  guestAgeMin: number | null;
  guestAgeMax: number | null;
  guestGender: string;
  availability: { from: string; to: string }[];
  timesHosted: number;
  hostUserIds: string[];
  eligibleForMinors: boolean;
  members: { dateOfBirth: string; gender: string }[];
  /** beds held by active offers of OTHER delegations whose stays overlap this one */
  bedsHeldElsewhere: number;
}

export const GROUP_KINDS = ['together', 'apart'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface MatchingSettings {
  venueName: string | null;
  venue: GeoPoint | null;
  maxDistanceKm: number;
  minorsGenderRule: MinorsGenderRule;
  offerResponseHours: number;
  groups: { kind: GroupKind; memberIds: string[] }[];
}

export const DEFAULT_MATCHING_SETTINGS: MatchingSettings = {
  venueName: null, venue: null, maxDistanceKm: 25, minorsGenderRule: 'same-gender-host-parent-present', offerResponseHours: 72, groups: [],
};

export function stayOf(d: Pick<DelegationRecord, 'startDate' | 'endDate'>): { from: string; to: string } {
  return { from: d.startDate, to: d.endDate };
}

/** A guest is a minor on arrival when under 18, or when the date of birth is not known (the safe default). */
export function isMinorOnArrival(g: Pick<GuestRecord, 'dateOfBirth'>, d: Pick<DelegationRecord, 'startDate' | 'endDate'>): boolean {
  const age = g.dateOfBirth ? ageOnArrival({ dateOfBirth: g.dateOfBirth, stay: stayOf(d) }) : undefined;
  return age === undefined || age < 18;
}

export function toCandidateGuest(g: GuestRecord, d: DelegationRecord, s: MatchingSettings): CandidateGuest {
  if (!s.venue) throw new Error('the venue must be set before matching');
  return {
    id: g.memberId, dateOfBirth: g.dateOfBirth ?? undefined, gender: g.gender ?? 'undisclosed', languages: g.languages, diet: g.diet, allergies: g.allergies,
    allergiesNeedCoding: g.allergiesNeedCoding, nonSmokingRequired: g.nonSmokingRequired, nationality: g.nationality ?? '', coordinatorUserIds: d.createdByUserId ? [d.createdByUserId] : [],
    venue: s.venue, stay: stayOf(d),
  };
}

/**
 * `heldHere` = beds of this family held by this delegation's placements that are not part of the problem
 * (frozen acceptances, or pending offers kept out of a coordinator's run).
 */
export function toCandidateFamily(f: FamilyRecord, d: DelegationRecord, heldHere: number): CandidateFamily {
  const stay = stayOf(d);
  const adults = f.members.filter((m) => (ageOnArrival({ dateOfBirth: m.dateOfBirth, stay }) ?? 0) >= 18);
  return {
    id: f.id, freeBeds: Math.max(0, f.beds - f.bedsHeldElsewhere - heldHere), availability: f.availability, pets: f.pets, smoking: f.smoking,
    languages: f.languages, dietsCatered: f.diets,
    preferredAge: f.guestAgeMin !== null || f.guestAgeMax !== null ? { min: f.guestAgeMin ?? 0, max: f.guestAgeMax ?? 200 } : undefined,
    preferredGender: f.guestGender === 'any' ? undefined : f.guestGender, location: { lat: f.latitude, lng: f.longitude },
    eligibleForMinors: f.eligibleForMinors, hostUserIds: f.hostUserIds, timesHosted: f.timesHosted, adultMemberGenders: adults.map((m) => m.gender),
  };
}

export function engineSettings(s: MatchingSettings): ProgrammeSettings {
  return programmeSettings({ maxDistanceKm: s.maxDistanceKm, minorsGenderRule: s.minorsGenderRule });
}

/**
 * Groups as one matching problem sees them: the members in it (guest indices) and, for each member outside it, the
 * family index holding them (`outsideFamily`: a family of the problem, -1 when they cannot be placed with the
 * others now, undefined when they are no longer a homestay guest of the delegation and so leave the group).
 */
export function groupsInProblem(guestIds: readonly string[], groups: MatchingSettings['groups'], outsideFamily: (memberId: string) => number | undefined): { kind: GroupKind; guests: number[]; outside: number[] }[] {
  const index = new Map(guestIds.map((id, i) => [id, i]));
  return groups
    .map((g) => {
      const guests: number[] = [];
      const outside: number[] = [];
      for (const m of g.memberIds) {
        const i = index.get(m);
        if (i !== undefined) guests.push(i);
        else {
          const f = outsideFamily(m);
          if (f !== undefined) outside.push(f);
        }
      }
      return { kind: g.kind, guests, outside };
    })
    .filter((g) => g.guests.length >= 1 && g.guests.length + g.outside.length >= 2);
}

/**
 * The group rules a manual assignment of `memberId` to `familyId` breaks, given the other active offers: a together
 * group member offered another family (the group would be split), an apart group member offered this one. Like a
 * hard rule that may be overridden, the coordinator is told and must acknowledge it.
 */
export function groupRulesBroken(groups: MatchingSettings['groups'], memberId: string, familyId: string, others: { member_id: string; family_id: string }[]): { rule: string; message: string }[] {
  const out: { rule: string; message: string }[] = [];
  for (const g of groups) {
    if (!g.memberIds.includes(memberId)) continue;
    const mates = others.filter((o) => o.member_id !== memberId && g.memberIds.includes(o.member_id));
    if (g.kind === 'together' && mates.some((o) => o.family_id !== familyId)) {
      out.push({ rule: 'GROUP_TOGETHER', message: 'splits a together group: another member of the group has an offer or a placement with a different family' });
    }
    if (g.kind === 'apart' && mates.some((o) => o.family_id === familyId)) {
      out.push({ rule: 'GROUP_APART', message: 'breaks an apart group: another member of the group has an offer or a placement with this family' });
    }
  }
  return out;
}
