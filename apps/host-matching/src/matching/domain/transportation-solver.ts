import { BinaryHeap } from './min-cost-flow';

/**
 * Successive shortest paths specialised to the transportation network of the matcher
 *
 *   guest g (supply 1) --(cap 1, cost c = maxScore - score)--> family f --(cap = free beds, cost 0)--> sink
 *   guest g            --(cap 1, cost C = BIG + maxScore)----> UNPLACED --(cap infinite, cost 0)--> sink
 *
 * Every guest is routed somewhere (a family or the UNPLACED node), so the flow value is fixed at guestCount and
 * min cost = guestCount * C - sum over placed pairs of (BIG + score): the min-cost flow is exactly the
 * lexicographic optimum (see `objectiveScale`). Shifting every arc out of a guest by the same constant C
 * (cost -(BIG + score) becomes C - BIG - score >= 0) changes no comparison between flows of the same value
 * and lets the initial potentials be 0. The classical "stop when the shortest augmenting path has
 * non-negative cost" rule becomes "the path ends at UNPLACED".
 *
 * SSP with supplies: guests are added one at a time; each runs Dijkstra on reduced costs c + p(u) - p(v) from
 * the guest until it pops the sink (reached from a family with a free bed, or from UNPLACED), then augments along
 * the alternating path (guests move family along it). In a warm start (`SspWarmStart`) the search may also end
 * at a deficit node, possibly through the sink's reverse arcs; the sink's potential is renormalised to 0 after. Potentials are updated only on the nodes
 * Dijkstra finalised: p(v) -= D - d(v) (the Jonker-Volgenant form of p += min(d, D), shifted by the constant -D),
 * which keeps every residual reduced cost >= 0 and the sink's potential at 0. So at the end, with p(sink) = 0:
 *   - a family with a free bed has p(f) >= 0 (it is never finalised before the search stops) and a family with a
 *     guest has p(f) <= 0 (potentials only decrease); UNPLACED keeps p = 0;
 *   - unassigned pairs have c + p(g) - p(f) >= 0 and assigned ones c + p(g) - p(f) <= 0.
 * Those inequalities are the optimality certificate checked by `verifyOptimality`.
 *
 * Cost per guest: the arcs scanned by its search; the search usually stops at the first free family.
 */
export interface SspInput {
  guestCount: number;
  familyCount: number;
  capacity: Int32Array;
  /** candidate arcs, CSR per guest */
  start: Int32Array;
  family: Int32Array;
  /** arc costs, integers >= 0 */
  cost: Float64Array;
  /** cost of the arc guest -> UNPLACED (>= every arc cost; BIG + maxScore) */
  unplacedCost: number;
  /** guests without the arc to UNPLACED (a group placed whole): the caller keeps their families' beds enough for them */
  mustPlace?: Uint8Array;
}

/**
 * Warm start (the add-violators loop): a previous solution, its arcs re-indexed into the new candidate lists, and
 * the guests to re-route (those with new arcs of negative reduced cost). Each re-routed guest leaves its family
 * (or UNPLACED), whose sink arc keeps the unit for now: a deficit of 1 there. Raising the guest's potential to
 * max(p(f) - c) over its arcs makes every reduced cost >= 0 again; one shortest-path search per re-routed guest,
 * to a deficit (directly, or through the sink from a family with a free bed), restores a feasible optimal flow.
 */
export interface SspWarmStart {
  familyOf: Int32Array;
  arcOf: Int32Array;
  potGuest: Float64Array;
  potFamily: Float64Array;
  potUnplaced: number;
  reroute: Int32Array;
}

export interface SspOutput {
  /** family of each guest, `familyCount` for UNPLACED */
  familyOf: Int32Array;
  /** index of the candidate arc used, -1 when unplaced */
  arcOf: Int32Array;
  potGuest: Float64Array;
  potFamily: Float64Array;
  potUnplaced: number;
  /** arcs scanned over all searches (work measure) */
  scanned: number;
}

export function solveTransportation(input: SspInput, warm?: SspWarmStart): SspOutput {
  const { guestCount: G, familyCount: F, capacity, start, family, cost, unplacedCost } = input;
  const mustPlace = input.mustPlace ?? new Uint8Array(G);
  const UNPLACED = G + F;
  const SINK = G + F + 1;
  const N = G + F + 2;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N);
  const seen = new Int32Array(N);
  const done = new Int32Array(N);
  const predGuest = new Int32Array(N);
  const predArc = new Int32Array(N);
  const finalized = new Int32Array(N);

  const slotStart = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) slotStart[f + 1] = slotStart[f] + capacity[f];
  const slotGuest = new Int32Array(slotStart[F]);
  const load = new Int32Array(F);
  /** units on the arc node -> sink not backed by a guest (warm start only), indexed by family or F for UNPLACED */
  const deficit = new Int32Array(F + 1);
  let deficitNodes: number[] = [];
  /** guests on UNPLACED, with their positions (the reverse arcs UNPLACED -> guest) */
  const uGuests = new Int32Array(G);
  const uPos = new Int32Array(G);
  let uCount = 0;

  const familyOf = new Int32Array(G).fill(-1);
  const arcOf = new Int32Array(G).fill(-1);
  const assignedCost = new Float64Array(G);
  const heap = new BinaryHeap(4096);
  let scanned = 0;
  let iter = 0;

  /**
   * Dijkstra on reduced costs from the unassigned guest g0. The sink is an explicit node: a family with a free bed
   * (or UNPLACED) leads to it at cost p(f) - p(sink); the sink leads back to deficit nodes. The search ends when it
   * pops the sink (no deficit pending) or a deficit node; returns that terminal.
   */
  const search = (g0: number): number => {
    iter++;
    heap.clear();
    dist[g0] = 0;
    seen[g0] = iter;
    heap.push(0, g0);
    let nFinal = 0;
    let terminal = -1;
    let D = 0;
    const relax = (v: number, nd: number, pg: number, pa: number): void => {
      if (seen[v] !== iter || nd < dist[v]) {
        seen[v] = iter;
        dist[v] = nd;
        predGuest[v] = pg;
        predArc[v] = pa;
        heap.push(nd, v);
      }
    };
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (done[u] === iter || d > dist[u]) continue;
      done[u] = iter;
      finalized[nFinal++] = u;
      if (u < G) {
        const pu = pot[u];
        const end = start[u + 1];
        scanned += end - start[u] + 1;
        for (let e = start[u]; e < end; e++) {
          const v = G + family[e];
          if (done[v] === iter) continue;
          const nd = d + cost[e] + pu - pot[v];
          if (seen[v] !== iter || nd < dist[v]) {
            seen[v] = iter;
            dist[v] = nd;
            predGuest[v] = u;
            predArc[v] = e;
            heap.push(nd, v);
          }
        }
        if (done[UNPLACED] !== iter && !mustPlace[u]) relax(UNPLACED, d + unplacedCost + pu - pot[UNPLACED], u, -1);
      } else if (u === SINK) {
        if (deficitNodes.length === 0) {
          terminal = u;
          D = d;
          break;
        }
        // the sink's reverse arcs: to every node whose arc to the sink carries flow
        const ps = pot[SINK];
        for (let f = 0; f < F; f++) {
          const v = G + f;
          if (load[f] + deficit[f] > 0 && done[v] !== iter) relax(v, d + ps - pot[v], -1, -2);
        }
        if (done[UNPLACED] !== iter) relax(UNPLACED, d + ps - pot[UNPLACED], -1, -2);
      } else if (deficit[u - G] > 0) {
        terminal = u;
        D = d;
        break;
      } else if (u === UNPLACED) {
        relax(SINK, d + pot[u] - pot[SINK], u, -3);
        // without deficits the sink ends the search at this same distance: no reverse arc is needed
        if (deficitNodes.length === 0) continue;
        const pU = pot[u];
        scanned += uCount;
        for (let k = 0; k < uCount; k++) {
          const g = uGuests[k];
          if (done[g] === iter) continue;
          const nd = d - unplacedCost + pU - pot[g];
          if (seen[g] !== iter || nd < dist[g]) {
            seen[g] = iter;
            dist[g] = nd;
            heap.push(nd, g);
          }
        }
      } else {
        // a family: on to the sink if it has a free bed, and back to each of its guests (a finalised family's
        // reverse arcs must all be scanned, free bed or not, or the potential update could break them)
        const f = u - G;
        if (load[f] + deficit[f] < capacity[f]) {
          relax(SINK, d + pot[u] - pot[SINK], u, -3);
          if (deficitNodes.length === 0) continue;
        }
        const pf = pot[u];
        const s0 = slotStart[f];
        const s1 = s0 + load[f];
        scanned += s1 - s0;
        for (let k = s0; k < s1; k++) {
          const g = slotGuest[k];
          if (done[g] === iter) continue;
          const nd = d - assignedCost[g] + pf - pot[g];
          if (seen[g] !== iter || nd < dist[g]) {
            seen[g] = iter;
            dist[g] = nd;
            heap.push(nd, g);
          }
        }
      }
    }
    if (terminal < 0) throw new Error('unreachable: UNPLACED and the sink are always reachable (unless the guests that must be placed need more beds than there are)');
    for (let i = 0; i < nFinal; i++) {
      const v = finalized[i];
      pot[v] -= D - dist[v];
    }
    const ps = pot[SINK];
    if (ps !== 0) for (let v = 0; v < N; v++) pot[v] -= ps;
    return terminal;
  };

  /** Moves guest g from its family (if any) to `node` (a family node or UNPLACED) through arc e; returns the old family. */
  const move = (g: number, node: number, e: number): number => {
    const old = familyOf[g];
    if (old >= 0 && old < F) {
      const s0 = slotStart[old];
      const last = s0 + load[old] - 1;
      for (let k = s0; k <= last; k++) {
        if (slotGuest[k] === g) {
          slotGuest[k] = slotGuest[last];
          break;
        }
      }
      load[old]--;
    } else if (old === F) {
      const last = uGuests[--uCount];
      uGuests[uPos[g]] = last;
      uPos[last] = uPos[g];
    }
    if (node === UNPLACED) {
      uPos[g] = uCount;
      uGuests[uCount++] = g;
      familyOf[g] = F;
      arcOf[g] = -1;
      assignedCost[g] = unplacedCost;
    } else {
      const f = node - G;
      slotGuest[slotStart[f] + load[f]++] = g;
      familyOf[g] = f;
      arcOf[g] = e;
      assignedCost[g] = cost[e];
    }
    return old;
  };

  /**
   * Walks the search tree back from the terminal, moving each guest on the path into the next node. Where the path
   * went through the sink (free bed or UNPLACED -> sink -> a node whose sink arc carries flow) it jumps over it.
   */
  const augment = (terminal: number): void => {
    let node = terminal === SINK ? predGuest[SINK] : terminal;
    if (terminal !== SINK && --deficit[terminal - G] === 0) deficitNodes = deficitNodes.filter((v) => v !== terminal);
    for (;;) {
      if (predArc[node] === -2) {
        node = predGuest[SINK];
        continue;
      }
      const g = predGuest[node];
      const old = move(g, node, predArc[node]);
      if (old < 0) return;
      node = G + old;
    }
  };

  if (warm) {
    pot.set(warm.potGuest, 0);
    pot.set(warm.potFamily, G);
    pot[UNPLACED] = warm.potUnplaced;
    familyOf.set(warm.familyOf);
    arcOf.set(warm.arcOf);
    const rerouted = new Uint8Array(G);
    for (const g of warm.reroute) rerouted[g] = 1;
    for (let g = 0; g < G; g++) {
      const f = familyOf[g];
      if (rerouted[g]) {
        deficit[f]++;
        familyOf[g] = -1;
        arcOf[g] = -1;
        continue;
      }
      if (f < F) {
        slotGuest[slotStart[f] + load[f]++] = g;
        assignedCost[g] = cost[arcOf[g]];
      } else {
        assignedCost[g] = unplacedCost;
        uPos[g] = uCount;
        uGuests[uCount++] = g;
      }
    }
    for (let f = 0; f <= F; f++) if (deficit[f] > 0) deficitNodes.push(G + f);
    for (const g of warm.reroute) {
      let p = mustPlace[g] ? -Infinity : pot[UNPLACED] - unplacedCost;
      for (let e = start[g]; e < start[g + 1]; e++) p = Math.max(p, pot[G + family[e]] - cost[e]);
      pot[g] = p;
    }
    for (const g of warm.reroute) augmentFrom(g);
  } else {
    for (let g0 = 0; g0 < G; g0++) augmentFrom(g0);
  }

  function augmentFrom(g0: number): void {
    augment(search(g0));
  }

  return {
    familyOf,
    arcOf,
    potGuest: pot.slice(0, G),
    potFamily: pot.slice(G, G + F),
    potUnplaced: pot[UNPLACED],
    scanned,
  };
}
