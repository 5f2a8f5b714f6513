import { firstViolation, GuestContext, guestContext, HARD_RULES, HardRuleCode, haversineKm, norm } from './hard-rules';
import { ScoreBreakdown, softScore } from './soft-score';
import { CandidateFamily, CandidateGuest, ProgrammeSettings } from './types';

export type RuleCounts = Record<HardRuleCode, number>;

export function emptyCounts(): RuleCounts {
  const c = {} as RuleCounts;
  for (const r of HARD_RULES) c[r] = 0;
  return c;
}

/**
 * Why a guest has no family.
 * - `no-feasible-family`: the hard rules removed every family. Rules are applied in the fixed HARD_RULES order and
 *   each family is counted under the first rule that excludes it; `decidingRule` is the rule at which the count of
 *   remaining candidates hit zero (the last rule with a non-zero count). `remainingBefore` is how many families were
 *   still candidates just before it. With no family at all, `decidingRule` is null.
 * - `beds-taken`: some families pass the hard rules but their beds went to other guests (the solver maximises the
 *   number placed, so giving this guest one of those beds would leave someone else unplaced).
 * - `kept-together` / `kept-apart`: the guest's group decided it (groups/group-explanations.ts).
 */
export interface UnplacedExplanation {
  kind: 'no-feasible-family' | 'beds-taken' | 'kept-together' | 'kept-apart';
  decidingRule: HardRuleCode | null;
  remainingBefore: number;
  familiesConsidered: number;
  excludedByRule: RuleCounts;
  message: string;
}

function petWords(g: GuestContext): string {
  const words = new Set<string>();
  for (const a of g.petAllergies) {
    const n = norm(a);
    if (/dander|^pets?$|^animals?$|fur|hair/.test(n)) words.add('pets');
    else words.add(n.endsWith('s') ? n : `${n}s`);
  }
  return words.has('pets') ? 'pets' : [...words].join(' or ');
}

/** How a rule reads as a condition on the families left ("no family <qualifier> ..."). */
export function ruleQualifier(rule: HardRuleCode, g: GuestContext, s: ProgrammeSettings): string {
  switch (rule) {
    case 'CAPACITY': return 'with a free bed';
    case 'AVAILABILITY': return `available from ${g.guest.stay.from} to ${g.guest.stay.to}`;
    case 'MINOR_NOT_ELIGIBLE': return 'vetted for minors';
    case 'HOST_IS_COORDINATOR': return "not hosted by the guest's own coordinator";
    case 'GENDER_RULE': return `with a ${g.gender} host parent present`;
    case 'SMOKING': return 'without smokers';
    case 'PETS_VS_ALLERGY': return `without ${petWords(g)}`;
    case 'DISTANCE': return `within ${s.maxDistanceKm} km`;
  }
}

/** How a count of excluded families reads ("3 with cats"). */
export function ruleCountPhrase(rule: HardRuleCode, n: number, g: GuestContext, s: ProgrammeSettings): string {
  switch (rule) {
    case 'CAPACITY': return `${n} with no free bed`;
    case 'AVAILABILITY': return `${n} not available for the whole stay`;
    case 'MINOR_NOT_ELIGIBLE': return `${n} not vetted for minors`;
    case 'HOST_IS_COORDINATOR': return `${n} hosted by the guest's coordinator`;
    case 'GENDER_RULE': return `${n} without a ${g.gender} host parent present`;
    case 'SMOKING': return `${n} smoking`;
    case 'PETS_VS_ALLERGY': return `${n} with ${petWords(g)}`;
    case 'DISTANCE': return `${n} beyond ${s.maxDistanceKm} km`;
  }
}

/** The explanation of a guest for whom the hard rules left no family (counts from the generator). */
export function explainNoFeasibleFamily(g: GuestContext, counts: RuleCounts, familiesConsidered: number, s: ProgrammeSettings): UnplacedExplanation {
  if (familiesConsidered === 0) {
    return { kind: 'no-feasible-family', decidingRule: null, remainingBefore: 0, familiesConsidered, excludedByRule: counts, message: 'no host family is available in this matching run' };
  }
  const applied = HARD_RULES.filter((r) => counts[r] > 0);
  const decidingRule = applied[applied.length - 1];
  const qualifiers = applied.map((r) => ruleQualifier(r, g, s)).join(' ');
  const details = applied.map((r) => ruleCountPhrase(r, counts[r], g, s)).join(', ');
  return {
    kind: 'no-feasible-family',
    decidingRule,
    remainingBefore: counts[decidingRule],
    familiesConsidered,
    excludedByRule: counts,
    message: `no family ${qualifiers} (${familiesConsidered} ${familiesConsidered === 1 ? 'family' : 'families'}: ${details})`,
  };
}

export function explainBedsTaken(feasible: number, counts: RuleCounts, familiesConsidered: number): UnplacedExplanation {
  const which = feasible === 1 ? 'the only family that meets' : `all ${feasible} families that meet`;
  return {
    kind: 'beds-taken',
    decidingRule: 'CAPACITY',
    remainingBefore: feasible,
    familiesConsidered,
    excludedByRule: counts,
    message: `${which} the hard rules ${feasible === 1 ? 'is' : 'are'} full with other guests (a bed for this guest would leave another guest unplaced)`,
  };
}

export type WhyNot =
  | { familyId: string; feasible: false; rule: HardRuleCode; message: string }
  | { familyId: string; feasible: true; score: number; breakdown: ScoreBreakdown; bestFamilyId: string; bestScore: number; scoreLost: number; message: string };

/**
 * "Why not family X" for one guest: the first hard rule (HARD_RULES order) that excludes X, or, when X is feasible,
 * its score against the best feasible score among `families` (X included) and the score lost by forcing X.
 * A tie with X counts as X being best (nothing lost); among others, the first in `families` order wins.
 */
export function whyNot(guest: CandidateGuest, family: CandidateFamily, families: readonly CandidateFamily[], settings: ProgrammeSettings): WhyNot {
  const g = guestContext(guest);
  const km = haversineKm(family.location, guest.venue);
  const v = firstViolation(g, family, settings, km);
  if (v) return { familyId: family.id, feasible: false, rule: v.rule, message: v.message };
  const own = softScore(g, family, km, settings.weights);
  let bestFamilyId = family.id;
  let bestScore = own.score;
  for (const f of families) {
    if (f === family) continue;
    const d = haversineKm(f.location, guest.venue);
    if (firstViolation(g, f, settings, d)) continue;
    const s = softScore(g, f, d, settings.weights).score;
    if (s > bestScore) {
      bestScore = s;
      bestFamilyId = f.id;
    }
  }
  const scoreLost = bestScore - own.score;
  const message = scoreLost === 0 ? `family ${family.id} is feasible and has the best score (${own.score})` : `family ${family.id} is feasible with score ${own.score}; the best is family ${bestFamilyId} with ${bestScore}: forcing it loses ${scoreLost}`;
  return { familyId: family.id, feasible: true, score: own.score, breakdown: own.breakdown, bestFamilyId, bestScore, scoreLost, message };
}
