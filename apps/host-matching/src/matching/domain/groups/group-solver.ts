import { MatchingInstance, objectiveScale, ObjectiveScale, validateInstance } from '../instance';
import { solveMatching } from '../matcher';
import { solveTransportation, SspOutput } from '../transportation-solver';
import { GroupConstraint, validateGroups } from './constraints';

/**
 * Matching with groups kept together / kept apart (semantics in constraints.ts), same lexicographic objective
 * (placed first, then score). Together constraints are not a flow constraint (all units of a group in ONE
 * family: unsplittable), so this is a heuristic on top of the exact flow, optionally completed by a small
 * branch-and-bound that proves optimality when it finishes.
 *
 * Every solve is exact on a RESTRICTED copy of the instance:
 *   - a together group "fixed" to family f keeps only its members' pairs with f and must be placed there whole:
 *     its members lose the unplaced option in the flow (`mustPlace`), so the restricted optimum is exact for
 *     "the whole group at f"; a fix that cannot hold (a member without a pair with f, or f without beds for every
 *     group fixed to it) leaves the whole group unplaced instead; "fixed to none" removes all its pairs;
 *   - an apart decision forbids some pairs (member, f).
 * Any restricted optimum that breaks no group is feasible; the unrestricted optimum (no groups) is an upper bound.
 * A solve is either cold (`solveMatching`, top-K, certified) or a warm start of the transportation solver from a
 * parent solution (its flow and potentials; only the guests whose pairs changed, or with a pair of negative reduced
 * cost, are re-routed), whichever the work measure (arcs scanned) predicts cheaper.
 *
 * 1. Relax: solve without groups (= `solveMatching`'s optimum: returned as is when no group is broken).
 * 2. Price-and-fix (lazy constraints): take the groups the solution breaks; price each option with the
 *    solution's potentials (reduced cost rc(g,f) = c(g,f) + p(g) - p(f) = first-order loss of moving g to f,
 *    BIG included, so "placed first" is priced too):
 *      - together group T (broken: split over families, or partly placed): the family f minimising the sum over
 *        all members of rc(g,f), among the families every member may go to with beds for all of them, or "none"
 *        (the sum of rc(g,UNPLACED)); beds held by other groups fixed to f do not count;
 *      - apart group broken at family f: the member whose cheapest move elsewhere costs most keeps f; f is
 *        forbidden to the other members.
 *    Fix them all, re-solve, repeat until nothing is broken (each round fixes at least one new decision: finite).
 *    Together groups are priced with displacement: beds beyond a family's free ones cost the cheapest moves of
 *    its occupants (see `priceTogether`).
 * 3. Polish ("price" again): with the final potentials, a together group whose best alternative family prices
 *    below its current one is moved there, or an apart decision swapped; repaired (step 2) and kept if the
 *    objective improves. Budget `polish`; the first try moves every priced group at once.
 *    Steps 2-3 run on a reduced instance (each guest's `reduceTo` best pairs, all pairs of group members) when
 *    that is much smaller; its decisions are then re-solved (warm) on all pairs and repaired there.
 * 4. Bounded branch-and-bound (`maxNodes`, `timeLimitMs`): depth first, node = restrictions, bound = the restricted exact
 *    optimum (a relaxation of the remaining groups); branch on a broken together group (one child per family that
 *    can take it whole, and one with the group unplaced, cheapest first) or a broken apart group at f (one child
 *    per member allowed to keep f). Prunes
 *    against the heuristic's incumbent. When the tree is exhausted the result is `exact` (proved optimal).
 */
export interface GroupSolveOptions {
  /** passed to `solveMatching` for every solve (default 16; 0 = all pairs) */
  topK?: number;
  /** safety bound on price-and-fix rounds (default 1000) */
  maxRounds?: number;
  /** polish tries after price-and-fix (default 6) */
  polish?: number;
  /** the heuristic works on each guest's `reduceTo` best pairs (all pairs of guests in groups), default 32;
   * used when that keeps under 60% of the pairs; 0 = off. Its decisions are then re-solved on all pairs. */
  reduceTo?: number;
  /** branch-and-bound nodes after the heuristic (default 2000; 0 = heuristic only). Finished tree => exact: true */
  maxNodes?: number;
  /** wall-clock budget of the branch-and-bound phase in ms (default 100); unexplored nodes keep the bound open */
  timeLimitMs?: number;
}

export interface ObjectiveValue {
  placed: number;
  totalScore: number;
}

export interface GroupSolveResult extends ObjectiveValue {
  /** family of each guest, -1 when unplaced */
  familyOf: Int32Array;
  /** index (in the instance's pair arrays) of the pair used, -1 when unplaced */
  pairOf: Int32Array;
  /** true when proved optimal under the groups: no group broken by the unrestricted optimum, or a finished tree */
  exact: boolean;
  /** proven upper bound on (placed, totalScore) under the groups (lexicographic); equals the result when exact */
  upperBound: ObjectiveValue;
  /** the optimum without groups (the root relaxation) */
  noGroupsOptimum: ObjectiveValue;
  stats: {
    /** price-and-fix rounds (re-solves after fixing broken groups) */
    rounds: number;
    polishTried: number;
    polishImproved: number;
    nodes: number;
    /** exact matcher solves in total */
    solves: number;
    heuristicMs: number;
    branchMs: number;
    totalMs: number;
  };
}

/** A node: together group T fixed to family tf[T] (-1 free, NONE = no family), and forbidden pair indices. */
interface Restriction {
  tf: Int32Array;
  forbidden: number[];
}

interface NodeSolution extends ObjectiveValue {
  familyOf: Int32Array;
  pairOf: Int32Array;
  potGuest: Float64Array;
  potFamily: Float64Array;
  potUnplaced: number;
  big: number;
  maxScore: number;
  /** the guests with some pair not allowed at this node, and their allowed pairs (others: all pairs allowed) */
  restricted: Map<number, Set<number>>;
  /** the members of together groups fixed whole to a family: they must be placed (no unplaced option) */
  forced: Set<number>;
}

interface Broken {
  together: number[];
  apart: { group: number; family: number }[];
}

const NONE = -2;

const better = (a: ObjectiveValue, b: ObjectiveValue) => a.placed > b.placed || (a.placed === b.placed && a.totalScore > b.totalScore);

class GroupContext {
  readonly together: number[][] = [];
  readonly apart: number[][] = [];
  readonly apartOf: Int32Array;
  readonly scale: ObjectiveScale;
  readonly togetherOf: Int32Array;
  /** cost of every pair in the flow (maxScore - score) and the identity map pair -> pair, for bulk copies */
  readonly fullCost: Float64Array;
  readonly identity: Int32Array;
  solves = 0;
  /** work (arcs scanned) of the last cold solve and per re-routed guest of the last warm one: the mode estimated
   * cheaper is used (deterministic, unlike time) */
  coldWork = Infinity;
  warmWorkPerReroute = 0;

  constructor(readonly inst: MatchingInstance, groups: readonly GroupConstraint[], private readonly topK: number, scale?: ObjectiveScale) {
    this.apartOf = new Int32Array(inst.guestCount).fill(-1);
    this.scale = scale ?? objectiveScale(inst);
    this.togetherOf = new Int32Array(inst.guestCount).fill(-1);
    const M = inst.pairStart[inst.guestCount];
    this.fullCost = new Float64Array(M);
    this.identity = new Int32Array(M);
    for (let k = 0; k < M; k++) {
      this.fullCost[k] = this.scale.maxScore - inst.pairScore[k];
      this.identity[k] = k;
    }
    for (const grp of groups) {
      if (grp.kind === 'together') {
        for (const g of grp.guests) this.togetherOf[g] = this.together.length;
        this.together.push(grp.guests);
      }
      else {
        for (const g of grp.guests) this.apartOf[g] = this.apart.length;
        this.apart.push(grp.guests);
      }
    }
  }

  root(): Restriction {
    return { tf: new Int32Array(this.together.length).fill(-1), forbidden: [] };
  }

  /**
   * The guests with some pair not allowed under r, each with its allowed pairs, and the guests that must be placed.
   * A together group fixed to family f is placed there whole: its members keep only their pairs with f and lose the
   * unplaced option. A fix that cannot hold (a member without an allowed pair with f, or f without beds for every
   * group fixed to it, in group order) leaves the whole group unplaced instead: never a part of it.
   */
  restrictedPairs(r: Restriction): { restricted: Map<number, Set<number>>; forced: Set<number> } {
    const { pairStart, pairFamily, capacity } = this.inst;
    const forbidden = new Set(r.forbidden);
    const guests = new Set<number>();
    for (const k of r.forbidden) guests.add(this.guestOfPair(k));
    for (let t = 0; t < this.together.length; t++) if (r.tf[t] !== -1) for (const g of this.together[t]) guests.add(g);
    const out = new Map<number, Set<number>>();
    for (const g of guests) {
      const t = this.togetherOf[g];
      const f = t >= 0 ? r.tf[t] : -1;
      const allowed = new Set<number>();
      for (let k = pairStart[g]; k < pairStart[g + 1]; k++) if (!forbidden.has(k) && (f === -1 || pairFamily[k] === f)) allowed.add(k);
      out.set(g, allowed);
    }
    const forced = new Set<number>();
    const bedsHeld = new Map<number, number>();
    for (let t = 0; t < this.together.length; t++) {
      const f = r.tf[t];
      if (f < 0) continue;
      const members = this.together[t];
      const held = bedsHeld.get(f) ?? 0;
      if (held + members.length <= capacity[f] && members.every((g) => (out.get(g) as Set<number>).size > 0)) {
        bedsHeld.set(f, held + members.length);
        for (const g of members) forced.add(g);
      } else for (const g of members) out.set(g, new Set());
    }
    return { restricted: out, forced };
  }

  isAllowed(sol: NodeSolution, g: number, k: number): boolean {
    const set = sol.restricted.get(g);
    return !set || set.has(k);
  }

  /**
   * The exact optimum of the instance restricted by r. Without a parent: `solveMatching` (top-K, certified) on the
   * restricted copy. With a parent solution (same objective scale: that of the full instance): a warm start of the
   * transportation solver on every allowed pair, from the parent's flow and potentials, re-routing only the guests
   * whose allowed pairs changed (the parent's potentials stay feasible on the others' arcs): one shortest-path
   * search per changed guest instead of a full solve. Such a search must reach the family the guest left, which can
   * explore much of the graph: when (re-routed guests x work per re-routed guest of the last warm solve) exceeds the
   * work of the last cold solve, a cold solve is used
   * (their scale is the restricted copy's: no warm start from them). The arc lists are the full instance's, copied in bulk
   * between the few restricted guests.
   */
  solve(r: Restriction, parent?: NodeSolution): NodeSolution {
    const { guestCount: G, familyCount: F, pairStart, pairFamily } = this.inst;
    const M = pairStart[G];
    const { restricted, forced } = this.restrictedPairs(r);
    const mustPlace = new Uint8Array(G);
    for (const g of forced) mustPlace[g] = 1;
    const order = [...restricted.keys()].sort((x, y) => x - y);
    let count = M;
    for (const g of order) count -= pairStart[g + 1] - pairStart[g] - (restricted.get(g) as Set<number>).size;
    const start = new Int32Array(G + 1);
    const fam = new Int32Array(count);
    const cost = new Float64Array(count);
    const orig = new Int32Array(count);
    const shift = new Int32Array(G); // arc index = pair index - shift[g] for an unrestricted guest
    let a = 0;
    let g0 = 0;
    const bulk = (from: number, to: number) => {
      // guests from..to-1 unrestricted: their pairs pairStart[from]..pairStart[to]-1 copied as they are
      const k0 = pairStart[from];
      const k1 = pairStart[to];
      fam.set(pairFamily.subarray(k0, k1), a);
      cost.set(this.fullCost.subarray(k0, k1), a);
      orig.set(this.identity.subarray(k0, k1), a);
      for (let g = from; g < to; g++) {
        start[g] = pairStart[g] - k0 + a;
        shift[g] = k0 - a;
      }
      a += k1 - k0;
    };
    for (const g of order) {
      bulk(g0, g);
      start[g] = a;
      for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
        if (!(restricted.get(g) as Set<number>).has(k)) continue;
        fam[a] = pairFamily[k];
        cost[a] = this.fullCost[k];
        orig[a++] = k;
      }
      g0 = g + 1;
    }
    bulk(g0, G);
    start[G] = a;
    this.solves++;
    // warm start: only from a parent in this context's scale, and when it is estimated cheaper than a cold solve
    let warm: { arcOf: Int32Array; familyOf: Int32Array; reroute: number[] } | undefined;
    if (parent && parent.big === this.scale.big && parent.maxScore === this.scale.maxScore) {
      // re-routed: the guests whose allowed pairs changed since the parent, whose arc is gone, or with an arc of
      // negative reduced cost under the parent's potentials (a parent solved on fewer pairs); others keep their arc
      const reroute = new Set<number>();
      for (const g of new Set([...restricted.keys(), ...parent.restricted.keys()])) {
        const x = restricted.get(g);
        const y = parent.restricted.get(g);
        if (!x || !y || x.size !== y.size || [...x].some((k) => !y.has(k))) reroute.add(g);
      }
      // a guest that must be placed now and was not (or lost that duty) is re-routed too
      for (const g of forced) if (!parent.forced.has(g) || parent.familyOf[g] < 0) reroute.add(g);
      for (const g of parent.forced) if (!forced.has(g)) reroute.add(g);
      const arcOf = new Int32Array(G).fill(-1);
      const familyOf = new Int32Array(G);
      const { potGuest: pg, potFamily: pf } = parent;
      for (let g = 0; g < G; g++) {
        familyOf[g] = parent.familyOf[g] >= 0 ? parent.familyOf[g] : F;
        const k = parent.pairOf[g];
        if (k >= 0) for (let e = start[g]; e < start[g + 1]; e++) if (orig[e] === k) arcOf[g] = e;
        if (reroute.has(g)) continue;
        if (parent.familyOf[g] >= 0 && arcOf[g] < 0) reroute.add(g);
        else for (let e = start[g]; e < start[g + 1]; e++) if (e !== arcOf[g] && cost[e] + pg[g] - pf[fam[e]] < 0) reroute.add(g);
      }
      const estimate = reroute.size * this.warmWorkPerReroute;
      if (estimate <= this.coldWork) warm = { arcOf, familyOf, reroute: [...reroute].sort((x, y) => x - y) };
    }
    if (!warm || !parent) {
      const score = new Float64Array(count);
      for (let i = 0; i < count; i++) score[i] = this.inst.pairScore[orig[i]];
      const sub: MatchingInstance = { guestCount: G, familyCount: F, capacity: this.inst.capacity, pairStart: start, pairFamily: fam, pairScore: score, mustPlace };
      const res = solveMatching(sub, { topK: this.topK });
      const pairOf = new Int32Array(G);
      for (let g = 0; g < G; g++) pairOf[g] = res.pairOf[g] >= 0 ? orig[res.pairOf[g]] : -1;
      this.coldWork = res.stats.scanned + res.stats.rounds * M;
      return { familyOf: res.familyOf, pairOf, placed: res.placed, totalScore: res.totalScore, potGuest: res.potGuest, potFamily: res.potFamily, potUnplaced: res.potUnplaced, big: res.big, maxScore: res.maxScore, restricted, forced };
    }
    const out = solveTransportation(
      { guestCount: G, familyCount: F, capacity: this.inst.capacity, start, family: fam, cost, unplacedCost: this.scale.big + this.scale.maxScore, mustPlace },
      { familyOf: warm.familyOf, arcOf: warm.arcOf, potGuest: parent.potGuest, potFamily: parent.potFamily, potUnplaced: parent.potUnplaced, reroute: Int32Array.from(warm.reroute) },
    );
    if (warm.reroute.length) this.warmWorkPerReroute = out.scanned / warm.reroute.length;
    return this.fromSsp(out, orig, restricted, forced);
  }

  private fromSsp(out: SspOutput, orig: Int32Array, restricted: Map<number, Set<number>>, forced: Set<number>): NodeSolution {
    const G = this.inst.guestCount;
    const F = this.inst.familyCount;
    const familyOf = new Int32Array(G);
    const pairOf = new Int32Array(G);
    let placed = 0;
    let totalScore = 0;
    for (let g = 0; g < G; g++) {
      const arc = out.arcOf[g];
      if (arc < 0 || out.familyOf[g] === F) {
        familyOf[g] = -1;
        pairOf[g] = -1;
      } else {
        familyOf[g] = out.familyOf[g];
        pairOf[g] = orig[arc];
        placed++;
        totalScore += this.inst.pairScore[orig[arc]];
      }
    }
    return { familyOf, pairOf, placed, totalScore, potGuest: out.potGuest, potFamily: out.potFamily, potUnplaced: out.potUnplaced, big: this.scale.big, maxScore: this.scale.maxScore, restricted, forced };
  }

  broken(familyOf: Int32Array): Broken {
    const out: Broken = { together: [], apart: [] };
    // a together group is whole in one family or wholly unplaced: a member left out is as broken as a split
    this.together.forEach((members, t) => {
      const f0 = familyOf[members[0]];
      if (members.some((g) => familyOf[g] !== f0)) out.together.push(t);
    });
    this.apart.forEach((members, a) => {
      const reported = new Set<number>();
      for (let i = 0; i < members.length; i++) {
        const f = familyOf[members[i]];
        if (f < 0 || reported.has(f)) continue;
        for (let j = i + 1; j < members.length; j++) {
          if (familyOf[members[j]] === f) {
            out.apart.push({ group: a, family: f });
            reported.add(f);
            break;
          }
        }
      }
    });
    return out;
  }

  guestOfPair(k: number): number {
    const ps = this.inst.pairStart;
    let lo = 0;
    let hi = this.inst.guestCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** reduced cost of pair k of guest g in the node's solution: first-order loss of putting g there */
  rc(sol: NodeSolution, g: number, k: number): number {
    return sol.maxScore - this.inst.pairScore[k] + sol.potGuest[g] - sol.potFamily[this.inst.pairFamily[k]];
  }

  rcUnplaced(sol: NodeSolution, g: number): number {
    return sol.big + sol.maxScore + sol.potGuest[g] - sol.potUnplaced;
  }

  /**
   * Prices the options of together group t: [family, estimated loss] sorted cheapest first, NONE included.
   * The group is placed whole or not at all, so a family is an option only when every member has an allowed pair
   * with it and it has beds for all of them (`bedsLeft(f)`: beds not held by other groups fixed to f).
   * Frame: the solution's potentials. A member g placed at f costs c(g,f) + p(g) (its move, the bed of f not
   * included; = rc(g,f) when f has a free bed), unplaced rc(g,UNPLACED). Beds of f beyond its free ones are taken
   * from f's other occupants, cheapest to move first (never one that must stay: a member of a group fixed there); an
   * occupant o moved costs its cheapest alternative (min rc over its other allowed pairs and UNPLACED, minus p(f)).
   * BIG is inside every term, so "placed first" is priced too.
   */
  priceTogether(t: number, sol: NodeSolution, r: Restriction, bedsLeft: (f: number) => number): [number, number][] {
    const { pairStart, pairFamily, pairScore, capacity } = this.inst;
    const members = this.together[t];
    const inGroup = new Set(members);
    const forbidden = r.forbidden.length ? new Set(r.forbidden) : undefined;
    const unplaced = members.map((g) => Math.max(0, this.rcUnplaced(sol, g)));
    const noneCost = unplaced.reduce((x, v) => x + v, 0);
    const families = new Set<number>();
    for (const g of members) for (let k = pairStart[g]; k < pairStart[g + 1]; k++) if (!forbidden?.has(k)) families.add(pairFamily[k]);
    const options: [number, number][] = [[NONE, noneCost]];
    const occupants = this.occupants(sol);
    for (const f of families) {
      if (bedsLeft(f) < members.length) continue;
      const pf = sol.potFamily[f];
      let est = 0;
      let all = true;
      for (const g of members) {
        let cost = Infinity;
        for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
          if (pairFamily[k] !== f || forbidden?.has(k)) continue;
          cost = sol.maxScore - pairScore[k] + sol.potGuest[g] - pf;
          break;
        }
        if (cost === Infinity) {
          all = false;
          break;
        }
        est += cost;
      }
      if (!all) continue;
      const others = (occupants.get(f) ?? []).filter((o) => !inGroup.has(o));
      const need = members.length - Math.max(0, capacity[f] - others.length);
      // in the potentials' frame o's move costs rc(o, alt) = true change + p(f): the true cost is rc - p(f)
      const displace = others.filter((o) => !sol.forced.has(o)).map((o) => this.moveCost(sol, o)).sort((x, y) => x - y);
      if (need > displace.length) continue;
      for (let i = 0; i < need; i++) est += displace[i];
      options.push([f, est]);
    }
    return options.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
  }

  /** beds of each family not held by the together groups (other than t) that r fixes to it */
  bedsLeft(r: Restriction, t: number): (f: number) => number {
    const held = new Map<number, number>();
    r.tf.forEach((f, u) => {
      if (f >= 0 && u !== t) held.set(f, (held.get(f) ?? 0) + this.together[u].length);
    });
    return (f) => this.inst.capacity[f] - (held.get(f) ?? 0);
  }

  private occupantCache = new WeakMap<NodeSolution, Map<number, number[]>>();
  private moveCache = new WeakMap<NodeSolution, Float64Array>();

  occupants(sol: NodeSolution): Map<number, number[]> {
    let m = this.occupantCache.get(sol);
    if (!m) {
      m = new Map();
      for (let g = 0; g < sol.familyOf.length; g++) {
        const f = sol.familyOf[g];
        if (f < 0) continue;
        const list = m.get(f);
        if (list) list.push(g);
        else m.set(f, [g]);
      }
      this.occupantCache.set(sol, m);
    }
    return m;
  }

  /** cheapest move of guest o out of its family: min reduced cost over its other allowed pairs and UNPLACED */
  moveCost(sol: NodeSolution, o: number): number {
    let cache = this.moveCache.get(sol);
    if (!cache) {
      cache = new Float64Array(sol.familyOf.length).fill(NaN);
      this.moveCache.set(sol, cache);
    }
    if (!Number.isNaN(cache[o])) return cache[o];
    const { pairStart, pairFamily } = this.inst;
    let best = Math.max(0, this.rcUnplaced(sol, o));
    for (let k = pairStart[o]; k < pairStart[o + 1]; k++) {
      if (pairFamily[k] !== sol.familyOf[o] && this.isAllowed(sol, o, k)) best = Math.min(best, Math.max(0, this.rc(sol, o, k)));
    }
    cache[o] = best;
    return best;
  }

  /** Apart group a broken at family f: members allowed at f, the one whose cheapest move costs most first. */
  keeperOrder(a: number, f: number, sol: NodeSolution): number[] {
    const { pairStart, pairFamily } = this.inst;
    const members = this.apart[a];
    const others = new Set<number>();
    for (const g of members) if (sol.familyOf[g] >= 0) others.add(sol.familyOf[g]);
    const scored: [number, number][] = [];
    for (const g of members) {
      let here = -1;
      let move = Math.max(0, this.rcUnplaced(sol, g));
      for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
        if (!this.isAllowed(sol, g, k)) continue;
        const fk = pairFamily[k];
        if (fk === f) here = k;
        else if (!others.has(fk)) move = Math.min(move, Math.max(0, this.rc(sol, g, k)));
      }
      if (here >= 0) scored.push([g, sol.familyOf[g] === f ? move : move - 0.5]);
    }
    return scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]).map((x) => x[0]);
  }

  /** forbid family f to the members of apart group a (all, or only those placed at f in `sol`) except `keeper` */
  forbidApart(r: Restriction, a: number, f: number, keeper: number, sol?: NodeSolution): void {
    const { pairStart, pairFamily } = this.inst;
    for (const g of this.apart[a]) {
      if (g === keeper || (sol && sol.familyOf[g] !== f)) continue;
      for (let k = pairStart[g]; k < pairStart[g + 1]; k++) if (pairFamily[k] === f) r.forbidden.push(k);
    }
  }

  /** Price-and-fix from restriction r (and its solution) until nothing is broken. */
  repair(r: Restriction, sol: NodeSolution, maxRounds: number): { r: Restriction; sol: NodeSolution; rounds: number } {
    for (let round = 0; ; round++) {
      const b = this.broken(sol.familyOf);
      if (b.together.length === 0 && b.apart.length === 0) return { r, sol, rounds: round };
      if (round >= maxRounds) throw new Error(`groups: still broken after ${round} price-and-fix rounds`);
      const next: Restriction = { tf: r.tf.slice(), forbidden: r.forbidden.slice() };
      // groups fixed earlier in this round hold their beds for the next ones (bedsLeft reads next.tf)
      for (const t of b.together) next.tf[t] = this.priceTogether(t, sol, next, this.bedsLeft(next, t))[0][0];
      for (const { group, family } of b.apart) this.forbidApart(next, group, family, this.keeperOrder(group, family, sol)[0], sol);
      r = next;
      sol = this.solve(r, sol);
    }
  }
}

export function solveWithGroups(inst: MatchingInstance, groups: readonly GroupConstraint[], opts: GroupSolveOptions = {}): GroupSolveResult {
  const t0 = performance.now();
  validateInstance(inst);
  validateGroups(inst, groups);
  const topK = opts.topK ?? 16;
  const ctx = new GroupContext(inst, groups, topK);
  const maxRounds = opts.maxRounds ?? 1000;
  const rootR = ctx.root();
  const root = ctx.solve(rootR);
  const noGroupsOptimum = { placed: root.placed, totalScore: root.totalScore };
  const brokenAtRoot = ctx.broken(root.familyOf);
  let exact = brokenAtRoot.together.length === 0 && brokenAtRoot.apart.length === 0;

  // 2-3. the heuristic, on the reduced instance when it is much smaller, then back on the full instance
  let best: Incumbent = root;
  let rounds = 0;
  let polishTried = 0;
  let polishImproved = 0;
  let solves = 0;
  if (!exact) {
    const reduced = reduceInstance(inst, ctx, opts.reduceTo ?? 32);
    if (reduced) {
      // in the full instance's scale (valid for a subset of its pairs): warm starts between the two contexts
      const ctxR = new GroupContext(reduced.inst, groups, topK, ctx.scale);
      const fullToR = new Int32Array(inst.pairStart[inst.guestCount]).fill(-1);
      reduced.toFull.forEach((k, i) => (fullToR[k] = i));
      const rootInR: NodeSolution = { ...root, pairOf: root.pairOf.map((k) => (k >= 0 ? fullToR[k] : -1)), restricted: new Map(), forced: new Set() };
      const h = heuristic(ctxR, ctxR.root(), ctxR.solve(ctxR.root(), rootInR), opts, maxRounds);
      solves += ctxR.solves;
      // its solution is feasible in the full instance; the same decisions re-solved on all pairs can only help
      // (more pairs), after repairing the groups that the extra pairs let split again
      const pairOf = h.sol.pairOf.map((k) => (k >= 0 ? reduced.toFull[k] : -1));
      best = { familyOf: h.sol.familyOf, pairOf, placed: h.sol.placed, totalScore: h.sol.totalScore };
      const rFull: Restriction = { tf: h.r.tf.slice(), forbidden: h.r.forbidden.map((k) => reduced.toFull[k]) };
      const parent: NodeSolution = { ...h.sol, pairOf, ...ctx.restrictedPairs(rFull) };
      const full = ctx.repair(rFull, ctx.solve(rFull, parent), maxRounds);
      if (better(full.sol, best)) best = full.sol;
      rounds = h.rounds + full.rounds;
      polishTried = h.polishTried;
      polishImproved = h.polishImproved;
    } else {
      const h = heuristic(ctx, rootR, root, opts, maxRounds);
      best = h.sol;
      rounds = h.rounds;
      polishTried = h.polishTried;
      polishImproved = h.polishImproved;
    }
  }
  const t1 = performance.now();

  // 4. branch-and-bound (depth first), pruned against the incumbent
  const maxNodes = opts.maxNodes ?? 2000;
  const deadline = t1 + (opts.timeLimitMs ?? 100);
  let nodes = 0;
  let open: ObjectiveValue | undefined; // best bound among nodes left unexplored
  if (!exact) {
    // a node: its restrictions, its parent's solution (its bound, and the warm start of its solve)
    type Node = { r: Restriction; parent: NodeSolution; sol?: NodeSolution };
    const stack: Node[] = [{ r: rootR, parent: root, sol: root }];
    while (stack.length) {
      const node = stack.pop() as Node;
      const bound: ObjectiveValue = node.parent;
      if (!better(bound, best)) continue;
      if (nodes >= maxNodes || (nodes > 0 && performance.now() > deadline)) {
        if (!open || better(bound, open)) open = bound;
        continue;
      }
      nodes++;
      const sol = node.sol ?? ctx.solve(node.r, node.parent);
      if (!better(sol, best)) continue;
      const b = ctx.broken(sol.familyOf);
      const children: Restriction[] = [];
      if (b.together.length) {
        const t = b.together[0];
        // complete branching: the group whole in one of the families that can take it, or wholly unplaced
        const options = ctx.priceTogether(t, sol, node.r, ctx.bedsLeft(node.r, t));
        for (const [f] of options) {
          const r: Restriction = { tf: node.r.tf.slice(), forbidden: node.r.forbidden };
          r.tf[t] = f;
          children.push(r);
        }
      } else if (b.apart.length) {
        const { group, family } = b.apart[0];
        for (const keeper of ctx.keeperOrder(group, family, sol)) {
          const r: Restriction = { tf: node.r.tf, forbidden: node.r.forbidden.slice() };
          ctx.forbidApart(r, group, family, keeper);
          children.push(r);
        }
      } else {
        best = sol; // feasible and better than the incumbent
        continue;
      }
      // depth first, cheapest option explored first
      for (let i = children.length - 1; i >= 0; i--) stack.push({ r: children[i], parent: sol });
    }
    exact = !open;
  }
  const t2 = performance.now();
  const result = { placed: best.placed, totalScore: best.totalScore };
  return {
    familyOf: best.familyOf,
    pairOf: best.pairOf,
    placed: best.placed,
    totalScore: best.totalScore,
    exact,
    upperBound: !exact && open && better(open, result) ? { placed: open.placed, totalScore: open.totalScore } : result,
    noGroupsOptimum,
    stats: { rounds, polishTried, polishImproved, nodes, solves: ctx.solves + solves, heuristicMs: t1 - t0, branchMs: t2 - t1, totalMs: t2 - t0 },
  };
}

interface Incumbent extends ObjectiveValue {
  familyOf: Int32Array;
  pairOf: Int32Array;
}

/** Steps 2 and 3: price-and-fix from the root, then polish. */
function heuristic(ctx: GroupContext, rootR: Restriction, root: NodeSolution, opts: GroupSolveOptions, maxRounds: number) {
  const inst = ctx.inst;
  // 2. price-and-fix
  let { r: bestR, sol: best, rounds } = ctx.repair(rootR, root, maxRounds);
  // 3. polish: a together group moved to a family its potentials price cheaper than its current one, or an apart
  // decision swapped (a member denied family f gets it back, the member now at f is denied it instead); moves are
  // repaired (step 2) and kept if the objective improves. Pricing as in step 2, with the current solution. The
  // first try after each improvement applies every priced move at once (those touching disjoint families: on a
  // large instance the groups are far apart and one solve takes most of the gain), then single moves, best first.
  let polishTried = 0;
  let polishImproved = 0;
  const polishBudget = rounds === 0 ? 0 : opts.polish ?? 6;
  let tried = new Set<string>();
  let priced = new Map<number, [number, number][]>(); // options of each together group, priced on `best`
  let batch = true;
  type Move = { key: string; gain: number; families: number[]; apply: (r: Restriction) => void };
  while (polishTried < polishBudget) {
    const moves: Move[] = [];
    for (let t = 0; t < ctx.together.length; t++) {
      let current: number = NONE;
      for (const g of ctx.together[t]) if (best.familyOf[g] >= 0) current = best.familyOf[g];
      const options = priced.get(t) ?? ctx.priceTogether(t, best, bestR, ctx.bedsLeft(bestR, t));
      priced.set(t, options);
      const here = options.find((o) => o[0] === current)?.[1] ?? 0;
      for (const [f, est] of options) {
        const key = `t${t}:${f}`;
        if (f === current || tried.has(key)) continue;
        if (here - est > 0) moves.push({ key, gain: here - est, families: [f, current], apply: (r) => void (r.tf[t] = f) });
        break;
      }
    }
    for (const k of new Set(bestR.forbidden)) {
      const g = ctx.guestOfPair(k);
      const a = ctx.apartOf[g];
      const f = inst.pairFamily[k];
      const key = `a${k}`;
      if (a < 0 || tried.has(key)) continue;
      const holder = ctx.apart[a].find((h) => h !== g && best.familyOf[h] === f);
      const gain = Math.min(Math.max(0, ctx.rcUnplaced(best, g)), ctx.rc(best, g, k) < 0 ? -ctx.rc(best, g, k) : 0) - (holder === undefined ? 0 : ctx.moveCost(best, holder));
      if (gain <= 0) continue;
      const from = best;
      moves.push({
        key,
        gain,
        families: [f],
        apply: (r) => {
          r.forbidden = r.forbidden.filter((x) => x !== k);
          if (holder !== undefined) ctx.forbidApart(r, a, f, g, from);
        },
      });
    }
    if (!moves.length) break;
    moves.sort((x, y) => y.gain - x.gain);
    let chosen = [moves[0]];
    if (batch && moves.length > 1) {
      const touched = new Set<number>();
      chosen = moves.filter((m) => {
        if (m.families.some((f) => touched.has(f))) return false;
        for (const f of m.families) touched.add(f);
        return true;
      });
    } else tried.add(moves[0].key);
    batch = false;
    polishTried++;
    const r: Restriction = { tf: bestR.tf.slice(), forbidden: bestR.forbidden.slice() };
    for (const m of chosen) m.apply(r);
    const fixed = ctx.repair(r, ctx.solve(r, best), maxRounds);
    rounds += fixed.rounds;
    if (better(fixed.sol, best)) {
      best = fixed.sol;
      bestR = fixed.r;
      polishImproved++;
      tried = new Set();
      priced = new Map();
      batch = true;
    }
  }
  return { r: bestR, sol: best, rounds, polishTried, polishImproved };
}

/**
 * The reduced instance of the heuristic: each guest keeps its `keep` best pairs (all of them for a guest in a
 * group). Returns undefined when it would not be much smaller than the instance (< 60% of the pairs).
 */
function reduceInstance(inst: MatchingInstance, ctx: GroupContext, keep: number): { inst: MatchingInstance; toFull: Int32Array } | undefined {
  if (keep <= 0) return undefined;
  const { guestCount: G, pairStart, pairFamily, pairScore } = inst;
  const M = pairStart[G];
  const kept = new Int32Array(M);
  let m = 0;
  const start = new Int32Array(G + 1);
  let scratch = new Float64Array(64);
  for (let g = 0; g < G; g++) {
    start[g] = m;
    const s0 = pairStart[g];
    const n = pairStart[g + 1] - s0;
    if (n <= keep || ctx.togetherOf[g] >= 0 || ctx.apartOf[g] >= 0) {
      for (let k = s0; k < s0 + n; k++) kept[m++] = k;
      continue;
    }
    if (scratch.length < n) scratch = new Float64Array(2 * n);
    const sc = scratch.subarray(0, n);
    for (let i = 0; i < n; i++) sc[i] = pairScore[s0 + i];
    sc.sort();
    const threshold = sc[n - keep]; // the keep-th best score
    let above = 0;
    for (let i = n - keep; i < n; i++) if (sc[i] > threshold) above++;
    let ties = keep - above; // pairs at the threshold kept, first ones first
    for (let k = s0; k < s0 + n; k++) {
      if (pairScore[k] > threshold) kept[m++] = k;
      else if (pairScore[k] === threshold && ties > 0) {
        kept[m++] = k;
        ties--;
      }
    }
  }
  start[G] = m;
  if (m > 0.6 * M) return undefined;
  const toFull = kept.slice(0, m);
  const fam = new Int32Array(m);
  const score = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    fam[i] = pairFamily[toFull[i]];
    score[i] = pairScore[toFull[i]];
  }
  return { inst: { guestCount: G, familyCount: inst.familyCount, capacity: inst.capacity, pairStart: start, pairFamily: fam, pairScore: score }, toFull };
}
