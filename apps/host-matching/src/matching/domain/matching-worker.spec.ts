import { solveMatching } from './matcher';
import { solveInWorker } from './matching-worker';
import { randomInstance } from './testing/random-instances';

describe('solveInWorker', () => {
  it('falls back to in-process under jest (TypeScript cannot run in a worker here) with the same result', async () => {
    const inst = randomInstance(9, { guests: 40, families: 20, density: 0.2, maxBeds: 3, maxScore: 50 });
    const { result, ranIn } = await solveInWorker(inst, { topK: 3 });
    expect(ranIn).toBe('in-process');
    const direct = solveMatching(inst);
    expect([result.placed, result.totalScore]).toEqual([direct.placed, direct.totalScore]);
  });
});
