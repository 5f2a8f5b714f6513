/**
 * Typed inputs of candidate generation (pure domain: no Nest, no database).
 *
 * Dates are calendar days `YYYY-MM-DD`. A stay `{ from, to }` is arrival day `from` and departure day `to`: the
 * guest sleeps the nights from..to-1. An availability window `{ from, to }` uses the same convention (the family can
 * host a guest arriving on `from` and leaving on `to`), so both are half-open day intervals [from, to).
 */
export interface DateRange {
  from: string;
  to: string;
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface CandidateGuest {
  id: string;
  /** age on the arrival day; when absent it is computed from `dateOfBirth`; with neither the guest counts as a minor */
  ageOnArrival?: number;
  dateOfBirth?: string;
  gender: string;
  languages: readonly string[];
  /** diet codes (libs/contracts vocabulary) the family should cater for, e.g. 'vegetarian', 'halal' */
  diet: readonly string[];
  /** allergen codes; those that rule out a pet kind ('dog', 'animal-dander', ...) are a hard rule against the family's pets */
  allergies: readonly string[];
  /** an allergy written as free text that no youth manager has coded yet: the guest goes to no family with pets */
  allergiesNeedCoding?: boolean;
  /** smoking allergy, or a non-smoking household required */
  nonSmokingRequired: boolean;
  nationality: string;
  /** users who supervise this guest: never the host of a minor they coordinate */
  coordinatorUserIds: readonly string[];
  /** where the guest's programme takes place (the distance rule measures family -> venue) */
  venue: GeoPoint;
  stay: DateRange;
}

export interface AgeRange {
  min: number;
  max: number;
}

export interface CandidateFamily {
  id: string;
  /** real beds free for this run (after placements already made) */
  freeBeds: number;
  availability: readonly DateRange[];
  /** pet codes (libs/contracts vocabulary) */
  pets: readonly string[];
  smoking: boolean;
  languages: readonly string[];
  dietsCatered: readonly string[];
  /** the family's preferred guest age range (inclusive), if any */
  preferredAge?: AgeRange;
  /** the family's preferred guest gender; undefined or 'any' = no preference */
  preferredGender?: string;
  location: GeoPoint;
  /** from the vetting gate (VettingGate.evaluate(stay start).eligible) */
  eligibleForMinors: boolean;
  hostUserIds: readonly string[];
  timesHosted: number;
  /** genders of the adult host members present during the stay (the minors' gender rule) */
  adultMemberGenders: readonly string[];
  /** guests per nationality already assigned to this family (the nationality-spread penalty); optional */
  assignedNationalities?: Readonly<Record<string, number>>;
}

export type MinorsGenderRule = 'same-gender-host-parent-present' | 'none';

/** Integer weights of the soft score (see soft-score.ts for what each one multiplies). */
export interface ScoreWeights {
  sharedLanguage: number;
  dietCatered: number;
  dietNotCatered: number;
  preferredAgeMatch: number;
  preferredAgeMismatch: number;
  preferredGenderMatch: number;
  preferredGenderMismatch: number;
  distancePerKm: number;
  sameNationality: number;
  fairnessPerTimeHosted: number;
  fairnessCap: number;
}

export interface ProgrammeSettings {
  maxDistanceKm: number;
  minorsGenderRule: MinorsGenderRule;
  weights: ScoreWeights;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  sharedLanguage: 10,
  dietCatered: 8,
  dietNotCatered: 15,
  preferredAgeMatch: 5,
  preferredAgeMismatch: 10,
  preferredGenderMatch: 5,
  preferredGenderMismatch: 10,
  distancePerKm: 1,
  sameNationality: 6,
  fairnessPerTimeHosted: 2,
  fairnessCap: 10,
};

export const DEFAULT_SETTINGS: ProgrammeSettings = { maxDistanceKm: 25, minorsGenderRule: 'same-gender-host-parent-present', weights: DEFAULT_WEIGHTS };

export function programmeSettings(partial: Partial<Omit<ProgrammeSettings, 'weights'>> & { weights?: Partial<ScoreWeights> } = {}): ProgrammeSettings {
  const weights = { ...DEFAULT_WEIGHTS, ...partial.weights };
  for (const [k, v] of Object.entries(weights)) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`weight ${k} must be a non-negative integer, got ${v}`);
  }
  const maxDistanceKm = partial.maxDistanceKm ?? DEFAULT_SETTINGS.maxDistanceKm;
  if (!(maxDistanceKm >= 0)) throw new RangeError(`maxDistanceKm must be >= 0, got ${maxDistanceKm}`);
  return { maxDistanceKm, minorsGenderRule: partial.minorsGenderRule ?? DEFAULT_SETTINGS.minorsGenderRule, weights };
}
