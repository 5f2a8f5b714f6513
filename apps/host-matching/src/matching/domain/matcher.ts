import { MatchingInstance, objectiveScale, validateInstance } from './instance';
import { solveTransportation, SspOutput, SspWarmStart } from './transportation-solver';

/**
 * The matcher: maximise the number of guests placed, then the total score, over the feasible pairs of an
 * instance (the transportation problem guest -> family with bed capacities), exactly.
 *
 * Encoding: a placed pair (g,f) weighs BIG + score(g,f) with BIG from `objectiveScale` (larger than any
 * difference of total scores), and the min-cost flow of `solveTransportation` maximises the total weight.
 *
 * Candidate subset ("provably optimal" loop): with `topK`, each guest first gets only its K best pairs (ties at
 * the K-th score included). The solution comes with potentials; `verifyOptimality` checks the reduced cost of
 * EVERY feasible pair of the full instance. Pairs with a negative reduced cost are added and the subset is
 * solved again, until no pair violates: the certificate then proves optimality on the full instance.
 */
export interface MatchOptions {
  /** solve first on each guest's K best pairs; undefined or 0 = all pairs */
  topK?: number;
  /** safety bound on add-violators-and-resolve rounds (default 50) */
  maxRounds?: number;
  /** re-solve after adding violators from the previous solution and potentials (default true) or from scratch */
  warmStart?: boolean;
}

export interface MatchingResult {
  /** family of each guest, -1 when unplaced */
  familyOf: Int32Array;
  /** index (in the instance's pair arrays) of the pair used, -1 when unplaced */
  pairOf: Int32Array;
  placed: number;
  totalScore: number;
  /** the certificate: potentials of guests, families and the UNPLACED node; the sink's potential is 0 */
  potGuest: Float64Array;
  potFamily: Float64Array;
  potUnplaced: number;
  big: number;
  maxScore: number;
  stats: MatchStats;
}

export interface MatchStats {
  rounds: number;
  arcsSolved: number;
  arcsTotal: number;
  scanned: number;
  solveMs: number;
  checkMs: number;
}

export interface Violation {
  kind: 'pair' | 'unplaced-arc' | 'family' | 'assignment';
  guest?: number;
  family?: number;
  pair?: number;
  reducedCost?: number;
  message: string;
}

export function solveMatching(inst: MatchingInstance, opts: MatchOptions = {}): MatchingResult {
  validateInstance(inst);
  const scale = objectiveScale(inst);
  const { guestCount: G, pairStart, pairFamily, pairScore } = inst;
  const M = pairStart[G];
  const include = new Uint8Array(M);
  const topK = opts.topK ?? 0;
  if (topK > 0) markTopK(inst, topK, include);
  else include.fill(1);
  const maxRounds = opts.maxRounds ?? 50;

  let solveMs = 0;
  let checkMs = 0;
  let scanned = 0;
  let prev: { out: SspOutput; pairIdx: Int32Array; reroute: Int32Array } | undefined;
  for (let round = 1; ; round++) {
    const t0 = performance.now();
    // candidate subset in CSR form, remembering each arc's pair index
    let count = 0;
    for (let k = 0; k < M; k++) count += include[k];
    const start = new Int32Array(G + 1);
    const family = new Int32Array(count);
    const cost = new Float64Array(count);
    const pairIdx = new Int32Array(count);
    let a = 0;
    for (let g = 0; g < G; g++) {
      start[g] = a;
      for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
        if (!include[k]) continue;
        family[a] = pairFamily[k];
        cost[a] = scale.maxScore - pairScore[k];
        pairIdx[a++] = k;
      }
    }
    start[G] = a;
    let warm: SspWarmStart | undefined;
    if (prev && opts.warmStart !== false) {
      const arcOfPair = new Int32Array(M).fill(-1);
      for (let i = 0; i < count; i++) arcOfPair[pairIdx[i]] = i;
      const arcOf = new Int32Array(G);
      for (let g = 0; g < G; g++) arcOf[g] = prev.out.arcOf[g] >= 0 ? arcOfPair[prev.pairIdx[prev.out.arcOf[g]]] : -1;
      warm = { ...prev.out, arcOf, reroute: prev.reroute };
    }
    const out = solveTransportation({
      guestCount: G,
      familyCount: inst.familyCount,
      capacity: inst.capacity,
      start,
      family,
      cost,
      unplacedCost: scale.big + scale.maxScore,
      mustPlace: inst.mustPlace,
    }, warm);
    scanned += out.scanned;
    const familyOf = new Int32Array(G);
    const pairOf = new Int32Array(G);
    let placed = 0;
    let totalScore = 0;
    for (let g = 0; g < G; g++) {
      const arc = out.arcOf[g];
      if (arc < 0) {
        familyOf[g] = -1;
        pairOf[g] = -1;
      } else {
        familyOf[g] = out.familyOf[g];
        pairOf[g] = pairIdx[arc];
        placed++;
        totalScore += pairScore[pairIdx[arc]];
      }
    }
    const t1 = performance.now();
    solveMs += t1 - t0;
    const result: MatchingResult = {
      familyOf,
      pairOf,
      placed,
      totalScore,
      potGuest: out.potGuest,
      potFamily: out.potFamily,
      potUnplaced: out.potUnplaced,
      big: scale.big,
      maxScore: scale.maxScore,
      stats: { rounds: round, arcsSolved: count, arcsTotal: M, scanned, solveMs, checkMs },
    };
    const violations = verifyOptimality(inst, result);
    checkMs += performance.now() - t1;
    result.stats.solveMs = solveMs;
    result.stats.checkMs = checkMs;
    if (violations.length === 0) return result;
    let added = 0;
    const reroute = new Set<number>();
    for (const v of violations) {
      if (v.kind !== 'pair' || v.pair === undefined || include[v.pair]) {
        throw new Error(`matcher produced an invalid solution: ${v.message}`);
      }
      include[v.pair] = 1;
      reroute.add(v.guest ?? -1);
      added++;
    }
    prev = { out, pairIdx, reroute: Int32Array.from(reroute) };
    if (added === 0 || round >= maxRounds) throw new Error(`no certified optimum after ${round} rounds`);
  }
}

/** Marks, for every guest, its pairs whose score is at least its K-th best score. */
function markTopK(inst: MatchingInstance, k: number, include: Uint8Array): void {
  const { guestCount, pairStart, pairScore } = inst;
  let scratch = new Float64Array(64);
  for (let g = 0; g < guestCount; g++) {
    const s0 = pairStart[g];
    const n = pairStart[g + 1] - s0;
    if (n <= k) {
      include.fill(1, s0, s0 + n);
      continue;
    }
    if (scratch.length < n) scratch = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) scratch[i] = -pairScore[s0 + i];
    const threshold = -quickSelect(scratch, n, k - 1); // K-th largest score
    for (let i = 0; i < n; i++) if (pairScore[s0 + i] >= threshold) include[s0 + i] = 1;
  }
}

/** k-th smallest (0-based) of a[0..n-1], reordering a. */
function quickSelect(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * Checks the optimality certificate of `result` against the FULL instance, independently of how it was found.
 * Network: guest --(cost maxScore - score)--> family --(cap beds, cost 0)--> sink, guest --(cost BIG + maxScore)-->
 * UNPLACED --(cost 0)--> sink, every guest a supply of 1, sink potential 0. The solution is optimal (min cost, hence
 * lexicographically best) iff it is a feasible flow and no residual arc has a negative reduced cost
 * c(u,v) + p(u) - p(v):
 *   - each guest on a feasible pair or unplaced; family loads within capacity (conservation, capacities);
 *   - every feasible pair not used: c + p(g) - p(f) >= 0; the pair used: <= 0 (its reverse arc);
 *   - the UNPLACED arc: >= 0 if the guest is placed, <= 0 if not;
 *   - a family with a free bed: p(f) >= 0 (arc f -> sink); a family with a guest: p(f) <= 0 (reverse arc);
 *     the same for UNPLACED (never full).
 * Returns the violations (empty = certified optimal). All quantities are integers: the check is exact.
 */
export function verifyOptimality(inst: MatchingInstance, result: Pick<MatchingResult, 'familyOf' | 'pairOf' | 'potGuest' | 'potFamily' | 'potUnplaced'>): Violation[] {
  const { guestCount: G, familyCount: F, capacity, pairStart, pairFamily, pairScore } = inst;
  const { big, maxScore } = objectiveScale(inst);
  const { familyOf, pairOf, potGuest: pg, potFamily: pf, potUnplaced: pu } = result;
  const mustPlace = inst.mustPlace;
  const C = big + maxScore;
  const out: Violation[] = [];
  const load = new Int32Array(F);
  let anyUnplaced = false;
  for (let g = 0; g < G; g++) {
    const f = familyOf[g];
    const used = pairOf[g];
    if (f < 0) {
      anyUnplaced = true;
      if (mustPlace?.[g]) out.push({ kind: 'assignment', guest: g, message: `guest ${g} must be placed but is unplaced` });
      if (used !== -1) out.push({ kind: 'assignment', guest: g, message: `guest ${g} unplaced but has pair ${used}` });
      if (C + pg[g] - pu > 0) out.push({ kind: 'unplaced-arc', guest: g, reducedCost: -(C + pg[g] - pu), message: `guest ${g}: unplaced arc reverse reduced cost < 0` });
    } else {
      if (used < pairStart[g] || used >= pairStart[g + 1] || pairFamily[used] !== f) {
        out.push({ kind: 'assignment', guest: g, family: f, message: `guest ${g} on family ${f} without that feasible pair` });
        continue;
      }
      load[f]++;
      const rcUsed = maxScore - pairScore[used] + pg[g] - pf[f];
      if (rcUsed > 0) out.push({ kind: 'assignment', guest: g, family: f, pair: used, reducedCost: -rcUsed, message: `guest ${g}: reverse arc of its pair has reduced cost ${-rcUsed}` });
      // a guest that must be placed has no arc to UNPLACED: nothing to check there
      const rcUnplaced = mustPlace?.[g] ? 0 : C + pg[g] - pu;
      if (rcUnplaced < 0) out.push({ kind: 'unplaced-arc', guest: g, reducedCost: rcUnplaced, message: `guest ${g}: unplaced arc reduced cost ${rcUnplaced}` });
    }
    const pgg = pg[g];
    for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
      if (k === used) continue;
      const fam = pairFamily[k];
      const rc = maxScore - pairScore[k] + pgg - pf[fam];
      if (rc < 0) out.push({ kind: 'pair', guest: g, family: fam, pair: k, reducedCost: rc, message: `pair (${g}, ${fam}) has reduced cost ${rc}` });
    }
  }
  for (let f = 0; f < F; f++) {
    if (load[f] > capacity[f]) out.push({ kind: 'family', family: f, message: `family ${f} has ${load[f]} guests for ${capacity[f]} beds` });
    if (load[f] < capacity[f] && pf[f] < 0) out.push({ kind: 'family', family: f, reducedCost: pf[f], message: `family ${f} has a free bed and potential ${pf[f]} < 0` });
    if (load[f] > 0 && pf[f] > 0) out.push({ kind: 'family', family: f, reducedCost: -pf[f], message: `family ${f} is used and has potential ${pf[f]} > 0` });
  }
  if (pu < 0 || (anyUnplaced && pu > 0)) out.push({ kind: 'family', message: `UNPLACED potential ${pu} inconsistent` });
  return out;
}
