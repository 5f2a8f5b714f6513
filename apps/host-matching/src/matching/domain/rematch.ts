import { GroupConstraint, validateGroups } from './groups/constraints';
import { solveWithGroups } from './groups/group-solver';
import { MatchingInstance } from './instance';
import { solveMatching } from './matcher';

/**
 * Incremental re-match after a decline (or expiry, or withdrawn acceptance).
 *
 * - Frozen guests (accepted placements) keep their family: they leave the problem and their beds are taken off
 *   the family's capacity.
 * - Forbidden pairs (the declined guest and family) are removed.
 * - Every other guest that currently has a family prefers to keep it. The preference is encoded in the integer
 *   score of its current pair, exactly (no floating "small bonus"), by one of two lexicographic orders:
 *   - `stability-first` (default, what the product asks: "other pending offers move only when that is needed to
 *     place someone"): maximise placed, then the number of guests kept on their current family, then the score.
 *     score' = score + KEEP * [pair is current], KEEP = sum over guests of (max(0, best) - min(0, worst)) + 1,
 *     larger than any difference of total scores, so one more guest kept outweighs any score gain.
 *   - `score-first`: maximise placed, then the score, and only among equal scores keep most guests in place.
 *     score' = score * (n + 1) + [pair is current], n = guests re-matched: the bonus total (<= n) never outweighs a
 *     single point of score.
 *   `objectiveScale` rejects the instance if these scaled scores leave the safe-integer range.
 * Without groups the result is a certified optimum of the reduced problem under that order.
 *
 * Groups (`together` / `apart`, as in constraints.ts) hold in the re-match as in the first run, solved by
 * `solveWithGroups` on the reduced problem (the keep-in-place bonus inside the scores): a together group moves as a
 * whole or is unplaced as a whole. A frozen member anchors its group: the free members of its together group may
 * only join it in its family (all of them, or none), and the free members of its apart group may not go there.
 * Keeping a together group whole with a frozen member is therefore the caller's part: to move such a group, it
 * does not freeze its members (see PlacementEngine.rematch).
 */
export interface RematchInput {
  /** current family of every guest of `inst`, -1 when unplaced */
  current: ArrayLike<number>;
  /** 1 for guests whose placement is accepted and must not move */
  frozen: ArrayLike<number | boolean>;
  forbidden: readonly { guest: number; family: number }[];
  mode?: 'stability-first' | 'score-first';
  topK?: number;
  /** together / apart groups over the guests of `inst` */
  groups?: readonly GroupConstraint[];
}

export interface RematchResult {
  familyOf: Int32Array;
  placed: number;
  /** total of the original scores over all placed guests, frozen ones included */
  totalScore: number;
  /** guests, other than those of the forbidden pairs, that had a family and got another (or none) */
  moved: number;
  movedGuests: number[];
  /** the solution of the reduced problem (the free guests, in order) */
  reduced: { familyOf: Int32Array; pairOf: Int32Array; placed: number; totalScore: number };
  /** true when proved optimal (always without groups: the certified flow) */
  exact: boolean;
}

export function rematch(inst: MatchingInstance, input: RematchInput): RematchResult {
  const { guestCount: G, familyCount: F, pairStart, pairFamily, pairScore } = inst;
  const { current, frozen } = input;
  const groups = input.groups ?? [];
  validateGroups(inst, groups);
  const mode = input.mode ?? 'stability-first';
  const capacity = Int32Array.from(inst.capacity);
  const isFrozen = new Uint8Array(G);
  for (let g = 0; g < G; g++) {
    if (frozen[g] && current[g] >= 0) {
      isFrozen[g] = 1;
      if (--capacity[current[g]] < 0) throw new RangeError(`family ${current[g]} has more accepted guests than beds`);
    }
  }
  const forbiddenOf = new Map<number, Set<number>>();
  const forbid = (guest: number, family: number) => {
    if (!forbiddenOf.has(guest)) forbiddenOf.set(guest, new Set());
    forbiddenOf.get(guest)?.add(family);
  };
  for (const p of input.forbidden) forbid(p.guest, p.family);
  // frozen members anchor their groups: together -> only their family (-2: frozen in two families, none),
  // apart -> not their families
  const anchorOf = new Map<number, number>();
  const rejected = new Set<number>(); // guests anchored to nothing: stay unplaced
  for (const grp of groups) {
    const held = grp.guests.filter((g) => isFrozen[g]).map((g) => current[g]);
    if (!held.length) continue;
    const loose = grp.guests.filter((g) => !isFrozen[g]);
    if (grp.kind === 'together') {
      const anchor = new Set(held).size === 1 ? held[0] : -2;
      for (const g of loose) {
        if (anchor < 0) rejected.add(g);
        else anchorOf.set(g, anchor);
      }
    } else for (const g of loose) for (const f of held) forbid(g, f);
  }

  const freeGuests = new Int32Array(G);
  let n = 0;
  for (let g = 0; g < G; g++) if (!isFrozen[g]) freeGuests[n++] = g;
  let keep = 1;
  for (let i = 0; i < n; i++) {
    const g = freeGuests[i];
    let hi = 0;
    let lo = 0;
    for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
      if (pairScore[k] > hi) hi = pairScore[k];
      if (pairScore[k] < lo) lo = pairScore[k];
    }
    keep += hi - lo;
  }
  const start = new Int32Array(n + 1);
  const fam = new Int32Array(pairStart[G]);
  const score = new Float64Array(pairStart[G]);
  const origPair = new Int32Array(pairStart[G]);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const g = freeGuests[i];
    const cur = current[g];
    const banned = forbiddenOf.get(g);
    const anchor = anchorOf.get(g);
    start[i] = m;
    for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
      const f = pairFamily[k];
      if ((banned !== undefined && banned.has(f)) || rejected.has(g) || (anchor !== undefined && f !== anchor)) continue;
      const isCurrent = cur === f ? 1 : 0;
      fam[m] = f;
      score[m] = mode === 'stability-first' ? pairScore[k] + keep * isCurrent : pairScore[k] * (n + 1) + isCurrent;
      origPair[m++] = k;
    }
  }
  start[n] = m;
  const reducedInst: MatchingInstance = {
    guestCount: n,
    familyCount: F,
    capacity,
    pairStart: start,
    pairFamily: fam.subarray(0, m),
    pairScore: score.subarray(0, m),
  };
  // the groups over the free guests (reduced indices); a group left with one free member constrains nothing more
  const indexOf = new Int32Array(G).fill(-1);
  for (let i = 0; i < n; i++) indexOf[freeGuests[i]] = i;
  const reducedGroups: GroupConstraint[] = [];
  for (const grp of groups) {
    const members = grp.guests.filter((g) => !isFrozen[g]).map((g) => indexOf[g]);
    if (members.length >= 2) reducedGroups.push({ kind: grp.kind, guests: members });
  }
  const solved = reducedGroups.length ? solveWithGroups(reducedInst, reducedGroups, { topK: input.topK }) : undefined;
  const reduced = solved ?? solveMatching(reducedInst, { topK: input.topK });

  const familyOf = new Int32Array(G).fill(-1);
  let placed = 0;
  let totalScore = 0;
  for (let g = 0; g < G; g++) {
    if (!isFrozen[g]) continue;
    familyOf[g] = current[g];
    placed++;
    let best = -Infinity;
    for (let k = pairStart[g]; k < pairStart[g + 1]; k++) if (pairFamily[k] === current[g]) best = Math.max(best, pairScore[k]);
    if (best === -Infinity) throw new RangeError(`frozen guest ${g} is on family ${current[g]} without a feasible pair`);
    totalScore += best;
  }
  const movedGuests: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = freeGuests[i];
    familyOf[g] = reduced.familyOf[i];
    if (reduced.pairOf[i] >= 0) {
      placed++;
      totalScore += pairScore[origPair[reduced.pairOf[i]]];
    }
    if (!forbiddenOf.has(g) && current[g] >= 0 && familyOf[g] !== current[g]) movedGuests.push(g);
  }
  return { familyOf, placed, totalScore, moved: movedGuests.length, movedGuests, reduced, exact: solved ? solved.exact : true };
}
