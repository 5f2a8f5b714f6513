/**
 * A matching instance in compact form: guests 0..guestCount-1, families 0..familyCount-1, `capacity[f]` free beds,
 * and the feasible pairs (what survived the hard rules) as a CSR list per guest: the pairs of guest g are
 * indices pairStart[g] .. pairStart[g+1]-1 of `pairFamily` / `pairScore`. Scores are integers (any sign).
 */
export interface MatchingInstance {
  guestCount: number;
  familyCount: number;
  capacity: Int32Array;
  pairStart: Int32Array;
  pairFamily: Int32Array;
  pairScore: Float64Array | Int32Array;
  /** 1 for a guest that must be placed (no "unplaced" option): a member of a group fixed whole to a family */
  mustPlace?: Uint8Array;
}

export interface PairInput {
  guest: number;
  family: number;
  score: number;
}

export function buildInstance(guestCount: number, capacity: ArrayLike<number>, pairs: readonly PairInput[]): MatchingInstance {
  const pairStart = new Int32Array(guestCount + 1);
  for (const p of pairs) {
    if (p.guest < 0 || p.guest >= guestCount) throw new RangeError(`guest ${p.guest} out of range`);
    pairStart[p.guest + 1]++;
  }
  for (let g = 0; g < guestCount; g++) pairStart[g + 1] += pairStart[g];
  const fill = pairStart.slice(0, guestCount);
  const pairFamily = new Int32Array(pairs.length);
  const pairScore = new Float64Array(pairs.length);
  for (const p of pairs) {
    const k = fill[p.guest]++;
    pairFamily[k] = p.family;
    pairScore[k] = p.score;
  }
  const inst: MatchingInstance = { guestCount, familyCount: capacity.length, capacity: Int32Array.from(capacity), pairStart, pairFamily, pairScore };
  validateInstance(inst);
  return inst;
}

export function validateInstance(inst: MatchingInstance): void {
  const { guestCount, familyCount, capacity, pairStart, pairFamily, pairScore } = inst;
  if (capacity.length !== familyCount) throw new RangeError('capacity length must equal familyCount');
  if (pairStart.length !== guestCount + 1 || pairStart[0] !== 0) throw new RangeError('pairStart must have guestCount + 1 entries, starting at 0');
  const m = pairStart[guestCount];
  if (pairFamily.length < m || pairScore.length < m) throw new RangeError('pair arrays shorter than pairStart says');
  for (let f = 0; f < familyCount; f++) if (capacity[f] < 0) throw new RangeError(`family ${f} has negative capacity`);
  for (let g = 0; g < guestCount; g++) if (pairStart[g + 1] < pairStart[g]) throw new RangeError('pairStart must be non-decreasing');
  for (let k = 0; k < m; k++) {
    if (pairFamily[k] < 0 || pairFamily[k] >= familyCount) throw new RangeError(`pair ${k}: family ${pairFamily[k]} out of range`);
    if (!Number.isSafeInteger(pairScore[k])) throw new RangeError(`pair ${k}: score must be an integer, got ${pairScore[k]}`);
  }
}

/**
 * The weight scale of the lexicographic objective "maximise the number placed, then the total score".
 * A placed guest on pair (g,f) is worth BIG + score(g,f). Any two assignments' total scores differ by less than
 * BIG = sum_g (max(0, best score of g) - min(0, worst score of g)) + 1, so one more guest placed always outweighs
 * any score difference: maximising sum(BIG + score) is exactly the lexicographic objective.
 */
export interface ObjectiveScale {
  big: number;
  maxScore: number;
  minScore: number;
}

export function objectiveScale(inst: MatchingInstance): ObjectiveScale {
  const { guestCount, pairStart, pairScore } = inst;
  let big = 1;
  let maxScore = 0;
  let minScore = 0;
  for (let g = 0; g < guestCount; g++) {
    let hi = 0;
    let lo = 0;
    for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
      const s = pairScore[k];
      if (s > hi) hi = s;
      if (s < lo) lo = s;
    }
    big += hi - lo;
    if (hi > maxScore) maxScore = hi;
    if (lo < minScore) minScore = lo;
  }
  // potentials are sums of at most (guests + families + 1) arc costs, each at most BIG + maxScore - minScore
  const bound = (big + maxScore - minScore) * (guestCount + inst.familyCount + 2);
  if (!Number.isSafeInteger(bound)) {
    throw new RangeError(`scores too large for exact arithmetic: BIG=${big}, bound ${bound} exceeds 2^53 - 1`);
  }
  return { big, maxScore, minScore };
}
