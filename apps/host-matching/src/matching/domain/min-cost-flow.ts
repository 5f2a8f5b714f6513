/**
 * Generic sparse min-cost flow: successive shortest paths (SSP) with node potentials.
 *
 * - Edges live in typed arrays (struct of arrays, an edge and its reverse at indices 2k and 2k+1), adjacency as
 *   a linked list per node (head / next), so adding edges is O(1) and nothing is boxed.
 * - Costs are integers held in Float64Array: exact while every |value| stays below Number.MAX_SAFE_INTEGER
 *   (2^53 - 1); `addEdge` rejects non-integers and values beyond that bound, and `solve` checks the total.
 * - Initial potentials: Bellman-Ford (queue based) from the source, only when a negative cost exists; on a
 *   DAG whose edges were added in topological order it settles in one pass. After that every Dijkstra runs on
 *   reduced costs c(u,v) + p(u) - p(v) >= 0 with a binary heap (lazy deletion).
 * - `solve(s, t, maxFlow, { stopWhenNonNegative })`: augments along shortest paths until `maxFlow` units are
 *   sent, no path remains, or (option) the shortest path costs >= 0, which yields the min-cost flow of *any*
 *   value (what a "maximise weight" objective needs).
 *
 * This class is the general engine (and an independent cross-check in the tests). The matcher uses the
 * specialised bipartite engine in `transportation-solver.ts`, which exploits unit guest supplies.
 */
export interface MinCostFlowResult {
  flow: number;
  cost: number;
  /** potentials after the last Dijkstra: reduced costs of all residual edges are >= 0 */
  potential: Float64Array;
}

export class MinCostFlow {
  private head: Int32Array;
  private next = new Int32Array(16);
  private to = new Int32Array(16);
  private cap = new Float64Array(16);
  private cost = new Float64Array(16);
  private m = 0;

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  get edgeCount(): number {
    return this.m >> 1;
  }

  /** Adds u->v with capacity and integer cost; returns the edge id (use with `flowOn`). */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    if (!Number.isSafeInteger(cost)) throw new RangeError(`cost must be a safe integer, got ${cost}`);
    if (!(capacity >= 0)) throw new RangeError(`capacity must be >= 0, got ${capacity}`);
    if (u < 0 || v < 0 || u >= this.nodeCount || v >= this.nodeCount) throw new RangeError('node out of range');
    if (this.m + 2 > this.to.length) this.grow();
    const e = this.m;
    this.to[e] = v;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.head[u];
    this.head[u] = e;
    this.to[e + 1] = u;
    this.cap[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.next[e + 1] = this.head[v];
    this.head[v] = e + 1;
    this.m += 2;
    return e >> 1;
  }

  /** Flow currently on edge `id` (the reverse edge's residual capacity). */
  flowOn(id: number): number {
    return this.cap[2 * id + 1];
  }

  private grow(): void {
    const n = this.to.length * 2;
    const g = <T extends Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.next = g(this.next, (k) => new Int32Array(k));
    this.to = g(this.to, (k) => new Int32Array(k));
    this.cap = g(this.cap, (k) => new Float64Array(k));
    this.cost = g(this.cost, (k) => new Float64Array(k));
  }

  solve(source: number, sink: number, maxFlow = Infinity, opts: { stopWhenNonNegative?: boolean } = {}): MinCostFlowResult {
    const n = this.nodeCount;
    const { head, next, to, cap, cost } = this;
    const pot = new Float64Array(n);
    const dist = new Float64Array(n);
    const prevEdge = new Int32Array(n);
    const done = new Uint8Array(n);

    let hasNegative = false;
    for (let e = 0; e < this.m; e += 2) if (cost[e] < 0 && cap[e] > 0) hasNegative = true;
    if (hasNegative) this.bellmanFord(source, pot);

    const heap = new BinaryHeap(Math.max(16, this.m));
    let flow = 0;
    let total = 0;
    while (flow < maxFlow) {
      dist.fill(Infinity);
      done.fill(0);
      dist[source] = 0;
      heap.clear();
      heap.push(0, source);
      while (heap.size > 0) {
        const d = heap.topKey();
        const u = heap.pop();
        if (done[u]) continue;
        done[u] = 1;
        for (let e = head[u]; e !== -1; e = next[e]) {
          if (cap[e] <= 0) continue;
          const v = to[e];
          if (done[v]) continue;
          const nd = d + cost[e] + pot[u] - pot[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            prevEdge[v] = e;
            heap.push(nd, v);
          }
        }
      }
      if (dist[sink] === Infinity) break;
      // p' = p + min(d, d(t)) keeps all reduced costs >= 0 (unreached nodes get d(t) too)
      const dt = dist[sink];
      for (let v = 0; v < n; v++) pot[v] += dist[v] < dt ? dist[v] : dt;
      const pathCost = pot[sink] - pot[source];
      if (opts.stopWhenNonNegative && pathCost >= 0) break;
      let push = maxFlow - flow;
      for (let v = sink; v !== source; v = to[prevEdge[v] ^ 1]) push = Math.min(push, cap[prevEdge[v]]);
      for (let v = sink; v !== source; v = to[prevEdge[v] ^ 1]) {
        cap[prevEdge[v]] -= push;
        cap[prevEdge[v] ^ 1] += push;
      }
      flow += push;
      total += push * pathCost;
      if (!Number.isSafeInteger(total)) throw new RangeError('total cost left the safe-integer range');
    }
    return { flow, cost: total, potential: pot };
  }

  private bellmanFord(source: number, pot: Float64Array): void {
    const n = this.nodeCount;
    const { head, next, to, cap, cost } = this;
    pot.fill(Infinity);
    pot[source] = 0;
    const inQueue = new Uint8Array(n);
    const count = new Int32Array(n);
    const queue: number[] = [source];
    inQueue[source] = 1;
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      inQueue[u] = 0;
      for (let e = head[u]; e !== -1; e = next[e]) {
        if (cap[e] <= 0) continue;
        const v = to[e];
        const nd = pot[u] + cost[e];
        if (nd < pot[v]) {
          pot[v] = nd;
          if (!inQueue[v]) {
            if (++count[v] > n) throw new Error('negative cycle');
            inQueue[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    // nodes unreachable from the source never carry flow; give them a finite potential
    let max = 0;
    for (let v = 0; v < n; v++) if (pot[v] !== Infinity && pot[v] > max) max = pot[v];
    for (let v = 0; v < n; v++) if (pot[v] === Infinity) pot[v] = max;
  }
}

/** Min binary heap of (key, value) in typed arrays; duplicates allowed (lazy deletion by the caller). */
export class BinaryHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const v = new Int32Array(this.size * 2);
      v.set(this.vals);
      this.keys = k;
      this.vals = v;
    }
    const keys = this.keys;
    const vals = this.vals;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = key;
    vals[i] = val;
  }

  /** Removes the minimum and returns its value. */
  pop(): number {
    const keys = this.keys;
    const vals = this.vals;
    const top = vals[0];
    const n = --this.size;
    if (n > 0) {
      const key = keys[n];
      const val = vals[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= key) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = key;
      vals[i] = val;
    }
    return top;
  }
}
