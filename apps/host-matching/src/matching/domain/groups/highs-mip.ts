import { MatchingInstance } from '../instance';
import { GroupConstraint } from './constraints';
import { ObjectiveValue } from './group-solver';

/** The part of the `highs` npm package (HiGHS compiled to WebAssembly) used here. */
export interface HighsSolver {
  solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number };
}

/**
 * Exact optimum under the groups by a MIP solved with HiGHS, to check `solveWithGroups` (tests, benchmark).
 * Binary x_k per feasible pair k = (g,f); binary z_{t,f} per together group t and family f of its members.
 *   guest g:            sum_k x_k <= 1
 *   family f:           sum_{k on f} x_k <= beds(f)
 *   together t, member g, family f: sum_{k = (g,f)} x_k - z_{t,f} = 0  and  sum_f z_{t,f} <= 1
 *                       (the group whole in one family, or every member unplaced)
 *   apart a, family f:  sum_{g in a, k = (g,f)} x_k <= 1
 * Two stages (lexicographic): max number placed; then max total score with that number fixed.
 */
export function groupsMipOptimum(highs: HighsSolver, inst: MatchingInstance, groups: readonly GroupConstraint[]): ObjectiveValue {
  const { guestCount: G, pairStart, pairFamily, pairScore } = inst;
  const M = pairStart[G];
  if (M === 0) return { placed: 0, totalScore: 0 };
  const x = (k: number) => `x${k}`;
  const rows: string[] = [];
  const byFamily = new Map<number, number[]>();
  for (let g = 0; g < G; g++) {
    if (pairStart[g + 1] > pairStart[g]) {
      const terms: string[] = [];
      for (let k = pairStart[g]; k < pairStart[g + 1]; k++) terms.push(x(k));
      rows.push(` g${g}: ${terms.join(' + ')} <= 1`);
    }
    for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
      const list = byFamily.get(pairFamily[k]);
      if (list) list.push(k);
      else byFamily.set(pairFamily[k], [k]);
    }
  }
  for (const [f, ks] of byFamily) rows.push(` f${f}: ${ks.map(x).join(' + ')} <= ${inst.capacity[f]}`);
  const zs: string[] = [];
  groups.forEach((grp, i) => {
    if (grp.kind === 'together') {
      const families = new Set<number>();
      for (const g of grp.guests) for (let k = pairStart[g]; k < pairStart[g + 1]; k++) families.add(pairFamily[k]);
      for (const f of families) {
        const z = `z${i}_${f}`;
        zs.push(z);
        for (const g of grp.guests) {
          const ks: number[] = [];
          for (let k = pairStart[g]; k < pairStart[g + 1]; k++) if (pairFamily[k] === f) ks.push(k);
          rows.push(ks.length ? ` t${i}_${g}_${f}: ${ks.map(x).join(' + ')} - ${z} = 0` : ` t${i}_${g}_${f}: ${z} = 0`);
        }
      }
      if (families.size) rows.push(` t${i}: ${[...families].map((f) => `z${i}_${f}`).join(' + ')} <= 1`);
    } else {
      const perFamily = new Map<number, number[]>();
      for (const g of grp.guests) {
        for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
          const list = perFamily.get(pairFamily[k]);
          if (list) list.push(k);
          else perFamily.set(pairFamily[k], [k]);
        }
      }
      for (const [f, ks] of perFamily) if (ks.length > 1) rows.push(` a${i}_${f}: ${ks.map(x).join(' + ')} <= 1`);
    }
  });
  const all: string[] = [];
  for (let k = 0; k < M; k++) all.push(x(k));
  const vars = [...all, ...zs];
  const tail = `Bounds\n${vars.map((v) => ` 0 <= ${v} <= 1`).join('\n')}\nGenerals\n ${vars.join(' ')}\nEnd\n`;
  const options = { output_flag: false, mip_rel_gap: 0 };
  const s1 = highs.solve(`Maximize\n obj: ${all.join(' + ')}\nSubject To\n${rows.join('\n')}\n${tail}`, options);
  if (s1.Status !== 'Optimal') throw new Error(`HiGHS stage 1: ${s1.Status}`);
  const placed = Math.round(s1.ObjectiveValue);
  const terms: string[] = [];
  for (let k = 0; k < M; k++) terms.push(`${pairScore[k] >= 0 ? '+' : '-'} ${Math.abs(pairScore[k])} ${x(k)}`);
  const s2 = highs.solve(`Maximize\n obj: ${terms.join(' ')}\nSubject To\n${rows.join('\n')}\n count: ${all.join(' + ')} >= ${placed}\n${tail}`, options);
  if (s2.Status !== 'Optimal') throw new Error(`HiGHS stage 2: ${s2.Status}`);
  return { placed, totalScore: Math.round(s2.ObjectiveValue) };
}
