import { ALLERGEN_PETS, AllergenCode, isAllergenCode, vocabularyLabel } from '@twinning/contracts';
import { firstViolation, GuestContext, guestContext, HARD_RULES, HardRuleCode, haversineKm } from './hard-rules';
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
  /** the precise reason: names the guest's allergies, so only for those who may see them */
  message: string;
  /** the reason without the guest's health data: what the general placement topic and other readers get */
  publicRule: PublicRuleCode | null;
  publicMessage: string;
}

/**
 * The rules that only hold because of the guest's allergies (a smoke-free home comes from the smoke allergen).
 * Anyone told which of them left no family learns the allergy, so outside the sensitive-fields rule they are one
 * reason: HEALTH_NEEDS.
 */
export const HEALTH_RULES: readonly HardRuleCode[] = ['SMOKING', 'ALLERGY_NOT_CODED', 'PETS_VS_ALLERGY'];
export type PublicRuleCode = Exclude<HardRuleCode, 'SMOKING' | 'ALLERGY_NOT_CODED' | 'PETS_VS_ALLERGY'> | 'HEALTH_NEEDS';

export function publicRule(rule: HardRuleCode): PublicRuleCode {
  return HEALTH_RULES.includes(rule) ? 'HEALTH_NEEDS' : (rule as PublicRuleCode);
}

/** The pets the guest's allergens rule out, in English ("dogs or cats"; "pets" for dander). */
function petWords(g: GuestContext): string {
  const codes = g.petAllergies.filter(isAllergenCode) as AllergenCode[];
  if (codes.includes('animal-dander')) return 'pets';
  const pets = [...new Set(codes.flatMap((a) => ALLERGEN_PETS[a]))];
  return pets.map((p) => vocabularyLabel('allergens', p, 'en').toLowerCase()).join(' or ');
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
    case 'ALLERGY_NOT_CODED': return "without pets (the guest's allergies are not coded yet)";
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
    case 'ALLERGY_NOT_CODED': return `${n} with pets while the guest's allergies are not coded`;
    case 'PETS_VS_ALLERGY': return `${n} with ${petWords(g)}`;
    case 'DISTANCE': return `${n} beyond ${s.maxDistanceKm} km`;
  }
}

/** The explanation of a guest for whom the hard rules left no family (counts from the generator). */
export function explainNoFeasibleFamily(g: GuestContext, counts: RuleCounts, familiesConsidered: number, s: ProgrammeSettings): UnplacedExplanation {
  if (familiesConsidered === 0) {
    const message = 'no host family is available in this matching run';
    return { kind: 'no-feasible-family', decidingRule: null, remainingBefore: 0, familiesConsidered, excludedByRule: counts, message, publicRule: null, publicMessage: message };
  }
  const applied = HARD_RULES.filter((r) => counts[r] > 0);
  const decidingRule = applied[applied.length - 1];
  const qualifiers = applied.map((r) => ruleQualifier(r, g, s)).join(' ');
  const details = applied.map((r) => ruleCountPhrase(r, counts[r], g, s)).join(', ');
  const families = `${familiesConsidered} ${familiesConsidered === 1 ? 'family' : 'families'}`;
  // The same sentence with the health rules merged into one, at the place of the first of them.
  const publicParts: { qualifier: string; phrase: string }[] = [];
  const health = applied.filter((r) => HEALTH_RULES.includes(r)).reduce((n, r) => n + counts[r], 0);
  for (const r of applied) {
    if (!HEALTH_RULES.includes(r)) publicParts.push({ qualifier: ruleQualifier(r, g, s), phrase: ruleCountPhrase(r, counts[r], g, s) });
    else if (r === applied.find((x) => HEALTH_RULES.includes(x))) publicParts.push({ qualifier: "meeting the guest's health needs", phrase: `${health} not meeting the guest's health needs` });
  }
  return {
    kind: 'no-feasible-family',
    decidingRule,
    remainingBefore: counts[decidingRule],
    familiesConsidered,
    excludedByRule: counts,
    message: `no family ${qualifiers} (${families}: ${details})`,
    publicRule: publicRule(decidingRule),
    publicMessage: `no family ${publicParts.map((p) => p.qualifier).join(' ')} (${families}: ${publicParts.map((p) => p.phrase).join(', ')})`,
  };
}

export function explainBedsTaken(feasible: number, counts: RuleCounts, familiesConsidered: number): UnplacedExplanation {
  const which = feasible === 1 ? 'the only family that meets' : `all ${feasible} families that meet`;
  const message = `${which} the hard rules ${feasible === 1 ? 'is' : 'are'} full with other guests (a bed for this guest would leave another guest unplaced)`;
  return {
    kind: 'beds-taken',
    decidingRule: 'CAPACITY',
    remainingBefore: feasible,
    familiesConsidered,
    excludedByRule: counts,
    message,
    publicRule: 'CAPACITY',
    publicMessage: message,
  };
}

/** The rule `guest.unplaced` names for an explanation without a deciding hard rule, by its kind. */
export const UNPLACED_KIND_RULES: Readonly<Record<string, string>> = { 'beds-taken': 'BEDS_TAKEN', 'kept-together': 'GROUP_TOGETHER', 'kept-apart': 'GROUP_APART', 'no-feasible-family': 'NO_FAMILY' };

/**
 * What `guest.unplaced` on the general placement topic says: the rule and reason without the guest's health data
 * (every reader of that topic would otherwise learn the allergy). An explanation stored before the public fields
 * existed, or a fallback without them, is reduced to its public rule and a sentence that names no allergy.
 */
export function unplacedTopicReason(
  e: { kind?: string; decidingRule: string | null; message: string; publicRule?: string | null; publicMessage?: string; excludedByRule?: unknown },
  fallbackRule = UNPLACED_KIND_RULES[e.kind ?? ''] ?? 'NO_FAMILY',
): { rule: string; reason: string } {
  if (e.publicMessage !== undefined) return { rule: e.publicRule ?? fallbackRule, reason: e.publicMessage.slice(0, 500) };
  const isRule = e.decidingRule !== null && (HARD_RULES as readonly string[]).includes(e.decidingRule);
  const rule = isRule ? publicRule(e.decidingRule as HardRuleCode) : (e.decidingRule ?? fallbackRule);
  if (rule === 'HEALTH_NEEDS') return { rule, reason: "no family meets the guest's health needs" };
  // a sentence written before the public form existed names every rule that excluded families, health ones too
  const counts = (e.excludedByRule ?? {}) as Record<string, number>;
  if (HEALTH_RULES.some((r) => (counts[r] ?? 0) > 0)) return { rule, reason: `no family passes the hard rules (the last ones ruled out by ${rule})` };
  return { rule, reason: e.message.slice(0, 500) };
}

/** An explanation as a reader sees it: the precise reason for whom may see the guest's allergies, else the public one. */
export function explanationFor<E extends { message: string; decidingRule: string | null; publicRule?: string | null; publicMessage?: string; excludedByRule?: unknown }>(e: E | null, maySeeAllergies: boolean): E | null {
  if (!e || maySeeAllergies) return e;
  const { reason } = unplacedTopicReason(e);
  const decidingRule = e.decidingRule !== null && (HARD_RULES as readonly string[]).includes(e.decidingRule) ? publicRule(e.decidingRule as HardRuleCode) : e.decidingRule;
  return { ...e, decidingRule, message: reason, ...(e.excludedByRule ? { excludedByRule: publicCounts(e.excludedByRule) } : {}) };
}

/** Families excluded per rule with the health rules counted as one (HEALTH_NEEDS), for whom may not see allergies. */
export function publicCounts(counts: unknown): Record<string, number> | unknown {
  if (!counts || typeof counts !== 'object') return counts;
  const c = counts as Record<string, number>;
  const out: Record<string, number> = {};
  for (const [r, n] of Object.entries(c)) if (!HEALTH_RULES.includes(r as HardRuleCode)) out[r] = n;
  if (HEALTH_RULES.some((r) => r in c)) out.HEALTH_NEEDS = HEALTH_RULES.reduce((n, r) => n + (c[r] ?? 0), 0);
  return out;
}

/** "Why not family X" as a reader who may not see the guest's allergies gets it: a health rule reads as HEALTH_NEEDS. */
export function publicWhyNot(w: WhyNot): WhyNot | { familyId: string; feasible: false; rule: PublicRuleCode; message: string } {
  if (w.feasible || !HEALTH_RULES.includes(w.rule)) return w;
  return { familyId: w.familyId, feasible: false, rule: 'HEALTH_NEEDS', message: `family ${w.familyId} does not meet the guest's health needs` };
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
