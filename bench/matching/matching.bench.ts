/**
 * Matching benchmark: seeded instances (bench/matching/generator.ts), exact solve with the certificate.
 * Usage: node dist/bench/matching/matching.bench.js [--max-guests 5000] [--top-k 16] [--warm 5] [--declines 50]
 * Each size runs twice: normal beds (1-4, about 2.5 per family) and scarce beds (about 1.3 per family).
 * Prints one JSON document on stdout. See bench/matching/README.md.
 */
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

function main(): void {
  const maxGuests = arg('max-guests', 5000);
  const topK = arg('top-k', 16);
  const warmRuns = arg('warm', 5);
  const declines = arg('declines', 50);
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
      declines: declines ? { count: declines, p50Ms: round(pct(declineMs, 50)), p95Ms: round(pct(declineMs, 95)), movedP50: pct(moved, 50), movedMax: Math.max(...moved) } : undefined,
    });
  }
  process.stdout.write(JSON.stringify({ node: process.version, results }, null, 2) + '\n');
}

main();
