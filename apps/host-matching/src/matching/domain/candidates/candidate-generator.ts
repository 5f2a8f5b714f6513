import { buildInstance, MatchingInstance, PairInput } from '../instance';
import { emptyCounts, explainBedsTaken, explainNoFeasibleFamily, RuleCounts, UnplacedExplanation } from './explanations';
import { firstViolation, guestContext, haversineKm } from './hard-rules';
import { ScoreBreakdown, softScore } from './soft-score';
import { CandidateFamily, CandidateGuest, DEFAULT_SETTINGS, ProgrammeSettings } from './types';

export interface CandidateInput {
  guests: readonly CandidateGuest[];
  families: readonly CandidateFamily[];
  settings?: ProgrammeSettings;
}

export interface ScoredCandidate {
  familyId: string;
  /** index of the family in the input (= family index of the engine's instance) */
  family: number;
  score: number;
  breakdown: ScoreBreakdown;
  distanceKm: number;
}

export interface GuestCandidates {
  guestId: string;
  /** index of the guest in the input (= guest index of the engine's instance) */
  guest: number;
  minor: boolean;
  age: number | undefined;
  /** feasible families, best score first (ties: input order) */
  candidates: ScoredCandidate[];
  /** families excluded, each counted once under the first rule (HARD_RULES order) that excludes it */
  excludedByRule: RuleCounts;
  /** set when no family passes the hard rules */
  explanation: UnplacedExplanation | null;
}

export interface CandidateSet {
  guests: readonly CandidateGuest[];
  families: readonly CandidateFamily[];
  settings: ProgrammeSettings;
  perGuest: GuestCandidates[];
}

function assertUniqueIds(kind: string, items: readonly { id: string }[]): void {
  const seen = new Set<string>();
  for (const x of items) {
    if (seen.has(x.id)) throw new Error(`duplicate ${kind} id ${x.id}`);
    seen.add(x.id);
  }
}

/**
 * For every guest, apply the hard rules to every family (O(guests x families)), score the feasible pairs and count
 * the excluded ones per rule; explain the guests left with no family.
 */
export function generateCandidates(input: CandidateInput): CandidateSet {
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const { guests, families } = input;
  assertUniqueIds('guest', guests);
  assertUniqueIds('family', families);
  const perGuest = guests.map((guest, gi): GuestCandidates => {
    const g = guestContext(guest);
    const counts = emptyCounts();
    const candidates: ScoredCandidate[] = [];
    families.forEach((f, fi) => {
      const km = haversineKm(f.location, guest.venue);
      const v = firstViolation(g, f, settings, km);
      if (v) {
        counts[v.rule]++;
        return;
      }
      const { score, breakdown } = softScore(g, f, km, settings.weights);
      candidates.push({ familyId: f.id, family: fi, score, breakdown, distanceKm: km });
    });
    candidates.sort((a, b) => b.score - a.score || a.family - b.family);
    const explanation = candidates.length === 0 ? explainNoFeasibleFamily(g, counts, families.length, settings) : null;
    return { guestId: guest.id, guest: gi, minor: g.minor, age: g.age, candidates, excludedByRule: counts, explanation };
  });
  return { guests, families, settings, perGuest };
}

/** The engine's instance (guest i = input guest i, family j = input family j, capacity = free beds). */
export function toInstance(set: CandidateSet): MatchingInstance {
  const pairs: PairInput[] = [];
  for (const gc of set.perGuest) for (const c of gc.candidates) pairs.push({ guest: gc.guest, family: c.family, score: c.score });
  return buildInstance(set.guests.length, set.families.map((f) => Math.max(0, Math.floor(f.freeBeds))), pairs);
}

export interface Proposal {
  guestId: string;
  familyId: string | null;
  score: number | null;
  breakdown: ScoreBreakdown | null;
  /** how many families each hard rule excluded for this guest */
  excludedByRule: RuleCounts;
  feasibleFamilies: number;
  /** why the guest is unplaced (null when placed) */
  explanation: UnplacedExplanation | null;
}

/** What every proposal stores: the family (or why none), the score breakdown and the per-rule exclusion counts. */
export function explainAssignment(set: CandidateSet, familyOf: ArrayLike<number>): Proposal[] {
  return set.perGuest.map((gc) => {
    const f = familyOf[gc.guest];
    const base = { guestId: gc.guestId, excludedByRule: gc.excludedByRule, feasibleFamilies: gc.candidates.length };
    if (f >= 0) {
      const c = gc.candidates.find((x) => x.family === f);
      if (!c) throw new Error(`guest ${gc.guestId} assigned to family ${set.families[f]?.id} which is not a candidate`);
      return { ...base, familyId: c.familyId, score: c.score, breakdown: c.breakdown, explanation: null };
    }
    const explanation = gc.explanation ?? explainBedsTaken(gc.candidates.length, gc.excludedByRule, set.families.length);
    return { ...base, familyId: null, score: null, breakdown: null, explanation };
  });
}
