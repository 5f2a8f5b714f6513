import { buildInstance, MatchingInstance } from './instance';
import { solveMatching, verifyOptimality } from './matcher';
import { MinCostFlow } from './min-cost-flow';
import { bruteForce, randomInstance } from './testing/random-instances';

interface Highs {
  solve(lp: string): { Status: string; ObjectiveValue: number };
}

/** Slot-expanded assignment LP (each family split into one slot per bed), solved in two stages by HiGHS:
 * max number placed, then max score with the number placed fixed. The LP is totally unimodular: integral. */
function highsOptimum(highs: Highs, inst: MatchingInstance): [number, number] {
  const vars: { name: string; g: number; f: number; slot: number; score: number }[] = [];
  for (let g = 0; g < inst.guestCount; g++) {
    for (let k = inst.pairStart[g]; k < inst.pairStart[g + 1]; k++) {
      const f = inst.pairFamily[k];
      for (let s = 0; s < inst.capacity[f]; s++) vars.push({ name: `x_${k}_${s}`, g, f, slot: s, score: inst.pairScore[k] });
    }
  }
  if (vars.length === 0) return [0, 0];
  const rows: string[] = [];
  for (let g = 0; g < inst.guestCount; g++) {
    const vs = vars.filter((v) => v.g === g);
    if (vs.length) rows.push(` g${g}: ${vs.map((v) => v.name).join(' + ')} <= 1`);
  }
  for (let f = 0; f < inst.familyCount; f++) {
    for (let s = 0; s < inst.capacity[f]; s++) {
      const vs = vars.filter((v) => v.f === f && v.slot === s);
      if (vs.length) rows.push(` f${f}_${s}: ${vs.map((v) => v.name).join(' + ')} <= 1`);
    }
  }
  const bounds = vars.map((v) => ` 0 <= ${v.name} <= 1`).join('\n');
  const lp1 = `Maximize\n obj: ${vars.map((v) => v.name).join(' + ')}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds}\nEnd\n`;
  const s1 = highs.solve(lp1);
  expect(s1.Status).toBe('Optimal');
  const placed = Math.round(s1.ObjectiveValue);
  const terms = vars.map((v) => `${v.score >= 0 ? '+' : '-'} ${Math.abs(v.score)} ${v.name}`).join(' ');
  const lp2 = `Maximize\n obj: ${terms}\nSubject To\n${rows.join('\n')}\n count: ${vars.map((v) => v.name).join(' + ')} >= ${placed}\nBounds\n${bounds}\nEnd\n`;
  const s2 = highs.solve(lp2);
  expect(s2.Status).toBe('Optimal');
  return [placed, Math.round(s2.ObjectiveValue)];
}

/** Generic SSP min-cost flow on source -> guest -> family -> sink with cost -(BIG + score), stopping at the first
 * non-negative shortest path: an independent exact solver built on min-cost-flow.ts. */
function genericOptimum(inst: MatchingInstance, big: number): [number, number] {
  const G = inst.guestCount;
  const F = inst.familyCount;
  const s = G + F;
  const t = s + 1;
  const mcf = new MinCostFlow(G + F + 2);
  for (let g = 0; g < G; g++) mcf.addEdge(s, g, 1, 0);
  for (let g = 0; g < G; g++) for (let k = inst.pairStart[g]; k < inst.pairStart[g + 1]; k++) mcf.addEdge(g, G + inst.pairFamily[k], 1, -(big + inst.pairScore[k]));
  for (let f = 0; f < F; f++) mcf.addEdge(G + f, t, inst.capacity[f], 0);
  const r = mcf.solve(s, t, Infinity, { stopWhenNonNegative: true });
  return [r.flow, -r.cost - r.flow * big];
}

function checkResult(inst: MatchingInstance, topK?: number, warmStart?: boolean): ReturnType<typeof solveMatching> {
  const r = solveMatching(inst, { topK, warmStart });
  expect(verifyOptimality(inst, r)).toEqual([]);
  // the reported figures are those of the assignment
  const load = new Int32Array(inst.familyCount);
  let placed = 0;
  let score = 0;
  for (let g = 0; g < inst.guestCount; g++) {
    if (r.familyOf[g] < 0) continue;
    placed++;
    score += inst.pairScore[r.pairOf[g]];
    expect(inst.pairFamily[r.pairOf[g]]).toBe(r.familyOf[g]);
    load[r.familyOf[g]]++;
  }
  for (let f = 0; f < inst.familyCount; f++) expect(load[f]).toBeLessThanOrEqual(inst.capacity[f]);
  expect([r.placed, r.totalScore]).toEqual([placed, score]);
  return r;
}

describe('matcher: exact optimum, lexicographic (placed, then score)', () => {
  it('equals brute force on 300 tiny random instances (also top-K = 1 + certificate loop, warm and cold re-solves)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const inst = randomInstance(seed, {
        guests: 1 + (seed % 6),
        families: 1 + (seed % 4),
        density: 0.3 + (seed % 5) * 0.15,
        maxBeds: 3,
        minScore: seed % 3 === 0 ? -5 : 0,
        maxScore: seed % 7 === 0 ? 0 : 20,
      });
      const expected = bruteForce(inst);
      const r = checkResult(inst);
      expect([seed, r.placed, r.totalScore]).toEqual([seed, ...expected]);
      const rk = checkResult(inst, 1);
      expect([seed, rk.placed, rk.totalScore]).toEqual([seed, ...expected]);
      const cold = checkResult(inst, 1, false);
      expect([seed, cold.placed, cold.totalScore]).toEqual([seed, ...expected]);
    }
  });

  it('equals HiGHS (slot-expanded LP) and the generic min-cost flow on medium random instances', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const highs = (await require('highs')()) as Highs;
    for (let seed = 1; seed <= 12; seed++) {
      const inst = randomInstance(1000 + seed, {
        guests: 20 + seed * 5,
        families: 10 + seed * 3,
        density: 0.15,
        maxBeds: 4,
        minScore: seed % 4 === 0 ? -30 : 0,
        maxScore: 100,
      });
      const r = checkResult(inst);
      const rk = checkResult(inst, 3);
      const lp = highsOptimum(highs, inst);
      expect([seed, r.placed, r.totalScore]).toEqual([seed, ...lp]);
      expect([seed, rk.placed, rk.totalScore]).toEqual([seed, ...lp]);
      expect(genericOptimum(inst, r.big)).toEqual(lp);
    }
  });

  it('certificate holds on a larger instance solved on top-K candidates, and rejects a worse assignment', () => {
    const inst = randomInstance(77, { guests: 600, families: 450, density: 0.05, maxBeds: 4, maxScore: 1000 });
    const full = checkResult(inst);
    const k = checkResult(inst, 4);
    expect([k.placed, k.totalScore]).toEqual([full.placed, full.totalScore]);
    expect(k.stats.arcsSolved).toBeLessThan(k.stats.arcsTotal);
    // the top-K subset alone was not optimal here: violators were added and the subset re-solved
    expect(k.stats.rounds).toBeGreaterThan(1);
    const k1 = checkResult(inst, 1);
    expect([k1.placed, k1.totalScore, k1.stats.rounds > 2]).toEqual([full.placed, full.totalScore, true]);
    // fewer beds than guests
    const scarce = randomInstance(78, { guests: 600, families: 300, density: 0.05, maxBeds: 2, maxScore: 1000 });
    const sFull = checkResult(scarce);
    const sK = checkResult(scarce, 2);
    const sKCold = checkResult(scarce, 2, false);
    expect(sFull.placed).toBeLessThan(600);
    expect([sK.placed, sK.totalScore, sK.stats.rounds > 1]).toEqual([sFull.placed, sFull.totalScore, true]);
    expect([sKCold.placed, sKCold.totalScore]).toEqual([sFull.placed, sFull.totalScore]);
    expect(genericOptimum(scarce, sFull.big)).toEqual([sFull.placed, sFull.totalScore]);
    expect(genericOptimum(inst, full.big)).toEqual([full.placed, full.totalScore]);
    // tamper: unplace a placed guest -> the certificate must fail
    const g = full.familyOf.findIndex((f) => f >= 0);
    const familyOf = full.familyOf.slice();
    const pairOf = full.pairOf.slice();
    familyOf[g] = -1;
    pairOf[g] = -1;
    expect(verifyOptimality(inst, { ...full, familyOf, pairOf }).length).toBeGreaterThan(0);
  });

  it('no feasible pairs: nobody placed', () => {
    const inst = buildInstance(3, [2, 1], []);
    const r = checkResult(inst);
    expect(r.placed).toBe(0);
    expect(Array.from(r.familyOf)).toEqual([-1, -1, -1]);
  });

  it('more guests than beds: fills every bed, keeps the best scores', () => {
    const inst = buildInstance(4, [1, 1], [
      { guest: 0, family: 0, score: 5 },
      { guest: 1, family: 0, score: 9 },
      { guest: 2, family: 1, score: 1 },
      { guest: 3, family: 1, score: 3 },
    ]);
    const r = checkResult(inst);
    expect(Array.from(r.familyOf)).toEqual([-1, 0, -1, 1]);
    expect([r.placed, r.totalScore]).toEqual([2, 12]);
  });

  it('places more guests before a higher score', () => {
    // guest 0 loves family 0 (100) but only guest 1 can use it; guest 0 also fits family 1 (0)
    const inst = buildInstance(2, [1, 1], [
      { guest: 0, family: 0, score: 100 },
      { guest: 0, family: 1, score: 0 },
      { guest: 1, family: 0, score: 0 },
    ]);
    const r = checkResult(inst);
    expect(Array.from(r.familyOf)).toEqual([1, 0]);
    expect([r.placed, r.totalScore]).toEqual([2, 0]);
  });

  it('zero scores and ties: any maximum placement, certified', () => {
    const pairs = [];
    for (let g = 0; g < 5; g++) for (let f = 0; f < 3; f++) pairs.push({ guest: g, family: f, score: 0 });
    const inst = buildInstance(5, [1, 2, 1], pairs);
    const r = checkResult(inst);
    expect([r.placed, r.totalScore]).toEqual([4, 0]);
    const tie = buildInstance(2, [1], [
      { guest: 0, family: 0, score: 7 },
      { guest: 1, family: 0, score: 7 },
    ]);
    expect(checkResult(tie).placed).toBe(1);
  });

  it('rejects non-integer scores and out-of-range families', () => {
    expect(() => buildInstance(1, [1], [{ guest: 0, family: 0, score: 0.5 }])).toThrow(/integer/);
    expect(() => buildInstance(1, [1], [{ guest: 0, family: 3, score: 1 }])).toThrow(/out of range/);
  });
});
