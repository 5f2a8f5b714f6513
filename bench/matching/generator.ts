import { MatchingInstance } from '../../apps/host-matching/src/matching/domain/instance';
import { prng } from '../../apps/host-matching/src/matching/domain/testing/random-instances';

/**
 * Seeded synthetic matching instance, built the way the service will: hard rules remove pairs, a score ranks the
 * rest. Families sit in a square area with 1-4 beds; each guest has a distance limit sized so that about
 * `targetCandidates` families are in range. Hard rules: distance, minors only with eligible families (85% are),
 * pet allergy (15% of guests) vs pets (30% of families), non-smoking request (20%) vs smokers (10%).
 * Score 0..1000: shared languages, interests, diet, and closeness. Candidate generation uses a spatial grid.
 */
export interface GeneratorSpec {
  guests: number;
  families: number;
  targetCandidates: number;
  seed: number;
  /** beds scarce: 85% of families have 1 bed (about 1.3 beds per family instead of 2.5) */
  scarce?: boolean;
}

export function generateInstance(spec: GeneratorSpec): MatchingInstance {
  const rnd = prng(spec.seed);
  const { guests: G, families: F } = spec;
  const side = 1000;
  const fx = new Float64Array(F);
  const fy = new Float64Array(F);
  const cap = new Int32Array(F);
  const fTraits = new Int32Array(F); // bit 0 eligible for minors, 1 pets, 2 smokers
  const fLang = new Int32Array(F);
  const fInterest = new Int32Array(F);
  for (let f = 0; f < F; f++) {
    fx[f] = rnd() * side;
    fy[f] = rnd() * side;
    cap[f] = spec.scarce && rnd() < 0.85 ? 1 : 1 + Math.floor(rnd() * 4);
    fTraits[f] = (rnd() < 0.85 ? 1 : 0) | (rnd() < 0.3 ? 2 : 0) | (rnd() < 0.1 ? 4 : 0);
    fLang[f] = (1 << Math.floor(rnd() * 6)) | (1 << Math.floor(rnd() * 6));
    fInterest[f] = Math.floor(rnd() * 256);
  }
  // radius so that pi r^2 / side^2 * F * (share passing the other rules ~0.75) ~ targetCandidates
  const radius = Math.sqrt((spec.targetCandidates / 0.75 / F) * side * side / Math.PI);
  const cells = Math.max(1, Math.floor(side / radius));
  const cellSize = side / cells;
  const bucketStart = new Int32Array(cells * cells + 1);
  const cellOf = (x: number, y: number) => Math.min(cells - 1, Math.floor(x / cellSize)) * cells + Math.min(cells - 1, Math.floor(y / cellSize));
  for (let f = 0; f < F; f++) bucketStart[cellOf(fx[f], fy[f]) + 1]++;
  for (let c = 0; c < cells * cells; c++) bucketStart[c + 1] += bucketStart[c];
  const fill = bucketStart.slice(0, cells * cells);
  const bucket = new Int32Array(F);
  for (let f = 0; f < F; f++) bucket[fill[cellOf(fx[f], fy[f])]++] = f;

  const pairStart = new Int32Array(G + 1);
  let pairFamily = new Int32Array(G * spec.targetCandidates * 2);
  let pairScore = new Int32Array(pairFamily.length);
  let m = 0;
  const r2 = radius * radius;
  for (let g = 0; g < G; g++) {
    pairStart[g] = m;
    const x = rnd() * side;
    const y = rnd() * side;
    const minor = rnd() < 0.6;
    const allergic = rnd() < 0.15;
    const nonSmoking = rnd() < 0.2;
    const lang = (1 << Math.floor(rnd() * 6)) | (rnd() < 0.5 ? 1 << Math.floor(rnd() * 6) : 0);
    const interest = Math.floor(rnd() * 256);
    const cx = Math.min(cells - 1, Math.floor(x / cellSize));
    const cy = Math.min(cells - 1, Math.floor(y / cellSize));
    for (let i = Math.max(0, cx - 1); i <= Math.min(cells - 1, cx + 1); i++) {
      for (let j = Math.max(0, cy - 1); j <= Math.min(cells - 1, cy + 1); j++) {
        const c = i * cells + j;
        for (let b = bucketStart[c]; b < bucketStart[c + 1]; b++) {
          const f = bucket[b];
          const dx = fx[f] - x;
          const dy = fy[f] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 > r2) continue;
          const t = fTraits[f];
          if (minor && !(t & 1)) continue;
          if (allergic && t & 2) continue;
          if (nonSmoking && t & 4) continue;
          if (m === pairFamily.length) {
            const pf = new Int32Array(m * 2);
            pf.set(pairFamily);
            pairFamily = pf;
            const ps = new Int32Array(m * 2);
            ps.set(pairScore);
            pairScore = ps;
          }
          const shared = popcount(lang & fLang[f]);
          const common = popcount(interest & fInterest[f]);
          pairFamily[m] = f;
          pairScore[m++] = Math.min(1000, (shared > 0 ? 300 : 0) + common * 50 + Math.round(300 * (1 - Math.sqrt(d2) / radius)) + ((g + f) % 7 === 0 ? 100 : 0));
        }
      }
    }
  }
  pairStart[G] = m;
  return { guestCount: G, familyCount: F, capacity: cap, pairStart, pairFamily: pairFamily.slice(0, m), pairScore: pairScore.slice(0, m) };
}

function popcount(v: number): number {
  let c = 0;
  while (v) {
    v &= v - 1;
    c++;
  }
  return c;
}
