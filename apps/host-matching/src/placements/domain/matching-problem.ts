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

export interface GuestRecord {
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
  /** diet and allergen codes (libs/contracts vocabulary) with their notes; `allergiesNeedCoding`: a note not coded yet */
  diet: string[];
  dietNote: string;
  allergies: string[];
  allergyNote: string;
  allergiesNeedCoding: boolean;
  nonSmokingRequired: boolean;
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

/** Groups in terms of guest indices, keeping only members who are guests of this problem (a group needs two). */
export function groupsOver(guestIds: readonly string[], groups: MatchingSettings['groups']): { kind: GroupKind; guests: number[] }[] {
  const index = new Map(guestIds.map((id, i) => [id, i]));
  return groups
    .map((g) => ({ kind: g.kind, guests: g.memberIds.map((m) => index.get(m)).filter((i): i is number => i !== undefined) }))
    .filter((g) => g.guests.length >= 2);
}
