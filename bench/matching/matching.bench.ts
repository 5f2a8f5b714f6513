/**
 * Matching benchmark: seeded instances (bench/matching/generator.ts), exact solve with the certificate.
 * Usage: node dist/bench/matching/matching.bench.js [--max-guests 5000] [--top-k 16] [--warm 5] [--declines 50]
 *        [--group-share 0.02] [--highs-max-guests 1000]
 * Each size runs twice: normal beds (1-4, about 2.5 per family) and scarce beds (about 1.3 per family).
 * `groups`: the same size again with sibling (together) and keep-apart groups (`--group-share` of the guests, half
 * each; 0 = off), solved by `solveWithGroups`, compared with the exact no-groups optimum (an upper bound) and, up to
 * `--highs-max-guests`, with the exact MIP solved by HiGHS.
 * Prints one JSON document on stdout. See bench/matching/README.md.
 */
import { groupsMipOptimum, groupViolations, HighsSolver, solveWithGroups } from '../../apps/host-matching/src/matching/domain/groups';
import { solveMatching } from '../../apps/host-matching/src/matching/domain/matcher';
import { rematch } from '../../apps/host-matching/src/matching/domain/rematch';
import { generateInstance } from './generator';

const SIZES: [number, number][] = [
  [500, 400],
  [1000, 800],
  [2000, 1600],
  [5000, 4000],
  [10000, 8000],
];

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const round = (v: number) => Math.round(v * 100) / 100;

interface Objective {
  placed: number;
  totalScore: number;
}

/** how far `a` is below the bound `b`: guests placed fewer, and score below it in % (when the same number placed) */
function gap(a: Objective, b: Objective) {
  return { placedBelow: b.placed - a.placed, scorePct: b.placed === a.placed ? round4((100 * (b.totalScore - a.totalScore)) / Math.max(1, Math.abs(b.totalScore))) : null };
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

function groupFigures(guests: number, families: number, targetCandidates: number, scarce: boolean, topK: number, warmRuns: number, share: number, highs: HighsSolver | undefined) {
  const t0 = performance.now();
  const inst = generateInstance({ guests, families, targetCandidates, seed: 42 + guests, scarce, togetherShare: share / 2, apartShare: share / 2 });
  const candidateMs = performance.now() - t0;
  const groups = inst.groups;
  const noGroups = solveMatching(inst, { topK });
  const heuristic = solveWithGroups(inst, groups, { topK, maxNodes: 0 });
  const cold = solveWithGroups(inst, groups, { topK });
  const warm = [];
  for (let i = 0; i < warmRuns; i++) warm.push(solveWithGroups(inst, groups, { topK }));
  for (const r of [heuristic, cold, ...warm]) {
    const v = groupViolations(r.familyOf, groups);
    if (v.length) throw new Error(`groups broken: ${v[0].message}`);
  }
  let mip: (Objective & { ms: number }) | undefined;
  if (highs) {
    const t = performance.now();
    const o = groupsMipOptimum(highs, inst, groups);
    mip = { ...o, ms: round(performance.now() - t) };
  }
  const stats = (r: ReturnType<typeof solveWithGroups>) => ({ totalMs: round(r.stats.totalMs), heuristicMs: round(r.stats.heuristicMs), branchMs: round(r.stats.branchMs), solves: r.stats.solves, rounds: r.stats.rounds, polish: `${r.stats.polishImproved}/${r.stats.polishTried}`, nodes: r.stats.nodes });
  return {
    together: groups.filter((g) => g.kind === 'together').length,
    apart: groups.filter((g) => g.kind === 'apart').length,
    guestsInGroups: groups.reduce((a, g) => a + g.guests.length, 0),
    candidateGenerationMs: round(candidateMs),
    noGroupsOptimum: { placed: noGroups.placed, totalScore: noGroups.totalScore, solveMs: round(noGroups.stats.solveMs + noGroups.stats.checkMs) },
    groupsBrokenByNoGroupsOptimum: groupViolations(noGroups.familyOf, groups).length,
    heuristicOnly: { placed: heuristic.placed, totalScore: heuristic.totalScore, ...stats(heuristic), gapVsNoGroups: gap(heuristic, noGroups) },
    cold: stats(cold),
    warm: { runs: warmRuns, medianTotalMs: round(pct(warm.map((r) => r.stats.totalMs), 50)), medianHeuristicMs: round(pct(warm.map((r) => r.stats.heuristicMs), 50)), maxTotalMs: round(Math.max(...warm.map((r) => r.stats.totalMs))) },
    placed: cold.placed,
    totalScore: cold.totalScore,
    exact: cold.exact,
    upperBound: cold.upperBound,
    gapVsNoGroups: gap(cold, noGroups),
    gapVsUpperBound: gap(cold, cold.upperBound),
    highs: mip ? { ...mip, gap: gap(cold, mip), heuristicOnlyGap: gap(heuristic, mip) } : undefined,
  };
}

async function main(): Promise<void> {
  const maxGuests = arg('max-guests', 5000);
  const topK = arg('top-k', 16);
  const warmRuns = arg('warm', 5);
  const declines = arg('declines', 50);
  const groupShare = arg('group-share', 0.02);
  const highsMax = arg('highs-max-guests', 1000);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const highs = highsMax > 0 ? ((await require('highs')()) as HighsSolver) : undefined;
  const results = [];
  for (const scarce of [false, true])
  for (const [guests, families] of SIZES) {
    if (guests > maxGuests) continue;
    const targetCandidates = Math.round(250 * Math.min(1, families / 4000) + 0) || 1;
    const t0 = performance.now();
    const inst = generateInstance({ guests, families, targetCandidates, seed: 42 + guests, scarce });
    const candidateMs = performance.now() - t0;
    const cold = solveMatching(inst, { topK });
    const warm = [];
    for (let i = 0; i < warmRuns; i++) warm.push(solveMatching(inst, { topK }));
    const full = solveMatching(inst);
    if (full.placed !== cold.placed || full.totalScore !== cold.totalScore) throw new Error('top-K result differs from the all-pairs result');
    const warmTotal = warm.map((r) => r.stats.solveMs + r.stats.checkMs);
    // declines: a random placed guest declines; accepted (frozen) = a third of the others
    const declineMs: number[] = [];
    const moved: number[] = [];
    let s = 12345;
    const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const frozen = new Uint8Array(guests);
    for (let g = 0; g < guests; g++) frozen[g] = next() < 0.33 ? 1 : 0;
    for (let i = 0; i < declines; i++) {
      let g = Math.floor(next() * guests);
      while (cold.familyOf[g] < 0 || frozen[g]) g = (g + 1) % guests;
      const t = performance.now();
      const r = rematch(inst, { current: cold.familyOf, frozen, forbidden: [{ guest: g, family: cold.familyOf[g] }], topK });
      declineMs.push(performance.now() - t);
      moved.push(r.moved);
    }
    results.push({
      size: `${guests}x${families}`,
      beds: scarce ? 'scarce' : 'normal',
      pairs: inst.pairStart[guests],
      avgCandidatesPerGuest: round(inst.pairStart[guests] / guests),
      bedCount: inst.capacity.reduce((a, b) => a + b, 0),
      candidateGenerationMs: round(candidateMs),
      topK,
      cold: { solveMs: round(cold.stats.solveMs), checkMs: round(cold.stats.checkMs), rounds: cold.stats.rounds, arcsSolved: cold.stats.arcsSolved },
      warm: {
        runs: warmRuns,
        medianSolveMs: round(pct(warm.map((r) => r.stats.solveMs), 50)),
        medianCheckMs: round(pct(warm.map((r) => r.stats.checkMs), 50)),
        medianTotalMs: round(pct(warmTotal, 50)),
        maxTotalMs: round(Math.max(...warmTotal)),
      },
      allPairsSolveMs: round(full.stats.solveMs),
      placed: cold.placed,
      totalScore: cold.totalScore,
      certified: true,
      groups: groupShare > 0 ? groupFigures(guests, families, targetCandidates, scarce, topK, warmRuns, groupShare, guests <= highsMax ? highs : undefined) : undefined,
      declines: declines ? { count: declines, p50Ms: round(pct(declineMs, 50)), p95Ms: round(pct(declineMs, 95)), movedP50: pct(moved, 50), movedMax: Math.max(...moved) } : undefined,
    });
  }
  process.stdout.write(JSON.stringify({ node: process.version, results }, null, 2) + '\n');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
