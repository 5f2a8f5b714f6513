import { GuestContext, norm } from './hard-rules';
import { CandidateFamily, ScoreWeights } from './types';

/**
 * The soft score of a feasible pair: an integer, the exact sum of its breakdown (every part is an integer because
 * the weights are integers and the distance part is rounded).
 *
 * - languages: +sharedLanguage per language both speak
 * - diet: +dietCatered per requirement the family caters for, -dietNotCatered per one it does not
 * - preferredAge: +preferredAgeMatch inside the family's preferred range, -preferredAgeMismatch outside (0 without
 *   a preference or an unknown age)
 * - preferredGender: +preferredGenderMatch / -preferredGenderMismatch (0 without a preference)
 * - distance: -round(km * distancePerKm)
 * - nationalitySpread: -sameNationality per guest of the same nationality already assigned to the family
 * - fairness: -fairnessPerTimeHosted per time hosted, counted up to fairnessCap (fewer times hosted -> higher)
 */
export interface ScoreBreakdown {
  languages: number;
  diet: number;
  preferredAge: number;
  preferredGender: number;
  distance: number;
  nationalitySpread: number;
  fairness: number;
}

export const SCORE_PARTS: readonly (keyof ScoreBreakdown)[] = ['languages', 'diet', 'preferredAge', 'preferredGender', 'distance', 'nationalitySpread', 'fairness'];

export interface Score {
  score: number;
  breakdown: ScoreBreakdown;
}

const z = (n: number): number => n + 0; // turns -0 into 0 so breakdowns compare cleanly

export function softScore(g: GuestContext, f: CandidateFamily, distanceKm: number, w: ScoreWeights): Score {
  const famLangs = new Set(f.languages.map(norm));
  const shared = new Set(g.guest.languages.map(norm).filter((l) => famLangs.has(l))).size;
  const catered = new Set(f.dietsCatered.map(norm));
  let diet = 0;
  for (const d of new Set(g.guest.diet.map(norm).filter((x) => x !== '' && x !== 'none'))) diet += catered.has(d) ? w.dietCatered : -w.dietNotCatered;
  let preferredAge = 0;
  if (f.preferredAge && g.age !== undefined) preferredAge = g.age >= f.preferredAge.min && g.age <= f.preferredAge.max ? w.preferredAgeMatch : -w.preferredAgeMismatch;
  let preferredGender = 0;
  if (f.preferredGender !== undefined && norm(f.preferredGender) !== 'any') preferredGender = norm(f.preferredGender) === g.gender ? w.preferredGenderMatch : -w.preferredGenderMismatch;
  const sameNationality = f.assignedNationalities?.[g.guest.nationality] ?? 0;
  const breakdown: ScoreBreakdown = {
    languages: shared * w.sharedLanguage,
    diet,
    preferredAge,
    preferredGender,
    distance: z(-Math.round(distanceKm * w.distancePerKm)),
    nationalitySpread: z(-sameNationality * w.sameNationality),
    fairness: z(-Math.min(Math.max(0, f.timesHosted), w.fairnessCap) * w.fairnessPerTimeHosted),
  };
  let score = 0;
  for (const k of SCORE_PARTS) score += breakdown[k];
  return { score, breakdown };
}
