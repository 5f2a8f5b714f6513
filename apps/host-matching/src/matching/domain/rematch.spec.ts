import { buildInstance } from './instance';
import { solveMatching } from './matcher';
import { rematch } from './rematch';
import { bruteForce, randomInstance } from './testing/random-instances';

describe('rematch after a decline', () => {
  it('keeps frozen pairs, forbids the declined pair, moves nobody when not needed', () => {
    // families 0 (1 bed), 1 (2 beds), 2 (1 bed)
    const inst = buildInstance(3, [1, 2, 1], [
      { guest: 0, family: 0, score: 10 },
      { guest: 0, family: 1, score: 5 },
      { guest: 1, family: 1, score: 8 },
      { guest: 2, family: 2, score: 9 },
      { guest: 2, family: 1, score: 1 },
    ]);
    const first = solveMatching(inst);
    expect(Array.from(first.familyOf)).toEqual([0, 1, 2]);
    // guest 2's family declines; guest 1 accepted
    const r = rematch(inst, { current: first.familyOf, frozen: [0, 1, 0], forbidden: [{ guest: 2, family: 2 }] });
    expect(Array.from(r.familyOf)).toEqual([0, 1, 1]);
    expect(r.moved).toBe(0);
    expect([r.placed, r.totalScore]).toEqual([3, 19]);
  });

  it('stability-first moves another pending guest only to place someone; score-first moves for score', () => {
    // guest 0 pending on family 0 (score 1); guest 1 declined family 1, can only go to family 0 (score 1);
    // guest 0 could also go to family 2 (score 0)
    const inst = buildInstance(2, [1, 1, 1], [
      { guest: 0, family: 0, score: 1 },
      { guest: 0, family: 2, score: 0 },
      { guest: 1, family: 0, score: 1 },
      { guest: 1, family: 1, score: 5 },
    ]);
    const current = [0, 1];
    const r = rematch(inst, { current, frozen: [0, 0], forbidden: [{ guest: 1, family: 1 }] });
    expect(Array.from(r.familyOf)).toEqual([2, 0]); // needed to place guest 1
    expect(r.movedGuests).toEqual([0]);

    // a move for score only: guest 0 sits on family 2 (score 0) while family 0 (score 9) is free
    const inst2 = buildInstance(2, [1, 1, 1, 1], [
      { guest: 0, family: 0, score: 9 },
      { guest: 0, family: 2, score: 0 },
      { guest: 1, family: 1, score: 5 },
      { guest: 1, family: 3, score: 4 },
    ]);
    const stable = rematch(inst2, { current: [2, 1], frozen: [0, 0], forbidden: [{ guest: 1, family: 1 }] });
    expect(Array.from(stable.familyOf)).toEqual([2, 3]);
    expect([stable.moved, stable.totalScore]).toEqual([0, 4]);
    const best = rematch(inst2, { current: [2, 1], frozen: [0, 0], forbidden: [{ guest: 1, family: 1 }], mode: 'score-first' });
    expect(Array.from(best.familyOf)).toEqual([0, 3]);
    expect([best.moved, best.totalScore]).toEqual([1, 13]);
  });

  it('score-first equals the optimum of the reduced problem; stability-first places as many', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const inst = randomInstance(500 + seed, { guests: 5, families: 3, density: 0.6, maxBeds: 2, maxScore: 9 });
      const first = solveMatching(inst);
      const placedGuests = [...first.familyOf.keys()].filter((g) => first.familyOf[g] >= 0);
      if (placedGuests.length < 2) continue;
      const decliner = placedGuests[seed % placedGuests.length];
      const frozenGuest = placedGuests.find((g) => g !== decliner) ?? -1;
      const frozen = Array.from({ length: 5 }, (_, g) => (g === frozenGuest ? 1 : 0));
      const forbidden = [{ guest: decliner, family: first.familyOf[decliner] }];
      const best = rematch(inst, { current: first.familyOf, frozen, forbidden, mode: 'score-first' });
      const stable = rematch(inst, { current: first.familyOf, frozen, forbidden });
      // reference: brute force on the instance with the frozen guest's pair forced and the declined pair removed
      const pairs = [];
      for (let g = 0; g < 5; g++) {
        for (let k = inst.pairStart[g]; k < inst.pairStart[g + 1]; k++) {
          const f = inst.pairFamily[k];
          if (g === decliner && f === first.familyOf[decliner]) continue;
          if (g === frozenGuest && f !== first.familyOf[g]) continue;
          pairs.push({ guest: g, family: f, score: inst.pairScore[k] + (g === frozenGuest ? 1000 : 0) });
        }
      }
      const [placed, score] = bruteForce(buildInstance(5, inst.capacity, pairs));
      expect([seed, best.placed, best.totalScore]).toEqual([seed, placed, score - 1000]);
      expect(stable.placed).toBe(placed);
      expect(stable.moved).toBeLessThanOrEqual(best.moved);
      expect(best.familyOf[frozenGuest]).toBe(first.familyOf[frozenGuest]);
      expect(stable.familyOf[decliner]).not.toBe(first.familyOf[decliner]);
    }
  });
});
