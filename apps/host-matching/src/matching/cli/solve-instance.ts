/**
 * Solves a matching instance from a JSON file and writes the assignment as JSON (format: bench/matching/README.md).
 *   node dist/apps/host-matching/src/matching/cli/solve-instance.js instance.json [assignment.json] [--top-k 16]
 * Without an output path the assignment goes to stdout. Exit code 1 on invalid input.
 */
import * as fs from 'node:fs';
import { buildInstance, PairInput } from '../domain/instance';
import { solveMatching, verifyOptimality } from '../domain/matcher';

export interface InstanceFile {
  families: { id: string; beds: number }[];
  guests: { id: string; candidates: [string, number][] }[];
}

export interface AssignmentFile {
  placed: number;
  totalScore: number;
  certified: boolean;
  assignment: { guest: string; family: string | null; score: number | null }[];
  stats: { solveMs: number; checkMs: number; rounds: number };
}

export function solveInstanceFile(doc: InstanceFile, topK?: number): AssignmentFile {
  const famIndex = new Map<string, number>();
  doc.families.forEach((f, i) => {
    if (famIndex.has(f.id)) throw new Error(`duplicate family id ${f.id}`);
    famIndex.set(f.id, i);
  });
  const pairs: PairInput[] = [];
  doc.guests.forEach((g, gi) => {
    for (const [fid, score] of g.candidates) {
      const f = famIndex.get(fid);
      if (f === undefined) throw new Error(`guest ${g.id}: unknown family ${fid}`);
      pairs.push({ guest: gi, family: f, score });
    }
  });
  const inst = buildInstance(
    doc.guests.length,
    doc.families.map((f) => f.beds),
    pairs,
  );
  const r = solveMatching(inst, { topK });
  return {
    placed: r.placed,
    totalScore: r.totalScore,
    certified: verifyOptimality(inst, r).length === 0,
    assignment: doc.guests.map((g, gi) => ({
      guest: g.id,
      family: r.familyOf[gi] >= 0 ? doc.families[r.familyOf[gi]].id : null,
      score: r.pairOf[gi] >= 0 ? inst.pairScore[r.pairOf[gi]] : null,
    })),
    stats: { solveMs: r.stats.solveMs, checkMs: r.stats.checkMs, rounds: r.stats.rounds },
  };
}

function main(argv: string[]): number {
  const args = [...argv];
  let topK: number | undefined;
  const k = args.indexOf('--top-k');
  if (k >= 0) {
    topK = Number(args[k + 1]);
    args.splice(k, 2);
  }
  const [input, output] = args;
  if (!input) {
    process.stderr.write('usage: solve-instance <instance.json> [assignment.json] [--top-k K]\n');
    return 1;
  }
  try {
    const doc = JSON.parse(fs.readFileSync(input, 'utf8')) as InstanceFile;
    const text = JSON.stringify(solveInstanceFile(doc, topK), null, 2) + '\n';
    if (output) fs.writeFileSync(output, text);
    else process.stdout.write(text);
    return 0;
  } catch (err) {
    process.stderr.write(`solve-instance: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
