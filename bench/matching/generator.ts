import { GroupConstraint } from '../../apps/host-matching/src/matching/domain/groups';
import { MatchingInstance } from '../../apps/host-matching/src/matching/domain/instance';
import { prng } from '../../apps/host-matching/src/matching/domain/testing/random-instances';

/**
 * Seeded synthetic matching instance, built the way the service will: hard rules remove pairs, a score ranks the
 * rest. Families sit in a square area with 1-4 beds; each guest has a distance limit sized so that about
 * `targetCandidates` families are in range. Hard rules: distance, minors only with eligible families (85% are),
 * pet allergy (15% of guests) vs pets (30% of families), non-smoking request (20%) vs smokers (10%).
 * Score 0..1000: shared languages, interests, diet, and closeness. Candidate generation uses a spatial grid.
 *
 * Groups (optional, `togetherShare` / `apartShare` = share of guests in such groups, drawn from a separate seeded
 * stream so the instance without groups is unchanged): sibling groups (`together`, 2 guests 70%, 3 guests 30%)
 * share the first sibling's home, age class, allergy, smoking request and languages (own interests), so they have
 * families in common; keep-apart groups (2 or 3 guests) live close together (within 0.3 radius of the first one),
 * so that they compete for the same families.
 */
export interface GeneratorSpec {
  guests: number;
  families: number;
  targetCandidates: number;
  seed: number;
  /** beds scarce: 85% of families have 1 bed (about 1.3 beds per family instead of 2.5) */
  scarce?: boolean;
  /** share of guests in sibling (together) groups, default 0 */
  togetherShare?: number;
  /** share of guests in keep-apart groups, default 0 */
  apartShare?: number;
}

export interface GeneratedInstance extends MatchingInstance {
  groups: GroupConstraint[];
}

export function generateInstance(spec: GeneratorSpec): GeneratedInstance {
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

  // group layout: leaderOf[g] = first guest of g's group (-1: none), sibling[g] = 1 for a together group
  const rndGroups = prng(spec.seed * 7919 + 17);
  const leaderOf = new Int32Array(G).fill(-1);
  const sibling = new Uint8Array(G);
  const groups: GroupConstraint[] = [];
  const pTogether = (spec.togetherShare ?? 0) / 2.3;
  const pApart = (spec.apartShare ?? 0) / 2.5;
  for (let g = 0; g < G; ) {
    const roll = rndGroups();
    const together = roll < pTogether;
    if (!together && roll >= pTogether + pApart) {
      g++;
      continue;
    }
    const size = together ? (rndGroups() < 0.7 ? 2 : 3) : rndGroups() < 0.5 ? 2 : 3;
    if (g + size > G) break;
    const members: number[] = [];
    for (let i = 0; i < size; i++) {
      leaderOf[g + i] = g;
      sibling[g + i] = together ? 1 : 0;
      members.push(g + i);
    }
    groups.push({ kind: together ? 'together' : 'apart', guests: members });
    g += size;
  }
  const gx = new Float64Array(G);
  const gy = new Float64Array(G);
  const gTraits = new Int32Array(G);
  const gLang = new Int32Array(G);

  const pairStart = new Int32Array(G + 1);
  let pairFamily = new Int32Array(G * spec.targetCandidates * 2);
  let pairScore = new Int32Array(pairFamily.length);
  let m = 0;
  const r2 = radius * radius;
  for (let g = 0; g < G; g++) {
    pairStart[g] = m;
    let x = rnd() * side;
    let y = rnd() * side;
    let minor = rnd() < 0.6;
    let allergic = rnd() < 0.15;
    let nonSmoking = rnd() < 0.2;
    let lang = (1 << Math.floor(rnd() * 6)) | (rnd() < 0.5 ? 1 << Math.floor(rnd() * 6) : 0);
    const interest = Math.floor(rnd() * 256);
    const lead = leaderOf[g];
    if (lead >= 0 && lead !== g) {
      if (sibling[g]) {
        x = gx[lead];
        y = gy[lead];
        minor = (gTraits[lead] & 1) !== 0;
        allergic = (gTraits[lead] & 2) !== 0;
        nonSmoking = (gTraits[lead] & 4) !== 0;
        lang = gLang[lead];
      } else {
        x = Math.min(side, Math.max(0, gx[lead] + (rndGroups() - 0.5) * 0.6 * radius));
        y = Math.min(side, Math.max(0, gy[lead] + (rndGroups() - 0.5) * 0.6 * radius));
      }
    }
    gx[g] = x;
    gy[g] = y;
    gTraits[g] = (minor ? 1 : 0) | (allergic ? 2 : 0) | (nonSmoking ? 4 : 0);
    gLang[g] = lang;
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
  return { guestCount: G, familyCount: F, capacity: cap, pairStart, pairFamily: pairFamily.slice(0, m), pairScore: pairScore.slice(0, m), groups };
}

function popcount(v: number): number {
  let c = 0;
  while (v) {
    v &= v - 1;
    c++;
  }
  return c;
}
