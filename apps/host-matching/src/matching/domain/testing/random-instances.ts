import { buildInstance, MatchingInstance, PairInput } from '../instance';

/** mulberry32: small seeded PRNG, deterministic across runs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomSpec {
  guests: number;
  families: number;
  /** probability that a pair is feasible */
  density: number;
  maxBeds: number;
  minScore?: number;
  maxScore: number;
}

export function randomInstance(seed: number, spec: RandomSpec): MatchingInstance {
  const rnd = prng(seed);
  const cap: number[] = [];
  for (let f = 0; f < spec.families; f++) cap.push(Math.floor(rnd() * (spec.maxBeds + 1)));
  const pairs: PairInput[] = [];
  const lo = spec.minScore ?? 0;
  for (let g = 0; g < spec.guests; g++) {
    for (let f = 0; f < spec.families; f++) {
      if (rnd() < spec.density) pairs.push({ guest: g, family: f, score: lo + Math.floor(rnd() * (spec.maxScore - lo + 1)) });
    }
  }
  return buildInstance(spec.guests, cap, pairs);
}

/** Exhaustive search: every guest tries each of its pairs or stays unplaced. Returns [placed, score]. */
export function bruteForce(inst: MatchingInstance): [number, number] {
  const load = new Int32Array(inst.familyCount);
  let best: [number, number] = [0, 0];
  const rec = (g: number, placed: number, score: number): void => {
    if (g === inst.guestCount) {
      if (placed > best[0] || (placed === best[0] && score > best[1])) best = [placed, score];
      return;
    }
    rec(g + 1, placed, score);
    for (let k = inst.pairStart[g]; k < inst.pairStart[g + 1]; k++) {
      const f = inst.pairFamily[k];
      if (load[f] >= inst.capacity[f]) continue;
      load[f]++;
      rec(g + 1, placed + 1, score + inst.pairScore[k]);
      load[f]--;
    }
  };
  rec(0, 0, 0);
  return best;
}
