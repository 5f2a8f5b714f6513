import fc from 'fast-check';
import { buildInstance, MatchingInstance, PairInput } from '../instance';
import { rematch } from '../rematch';
import { GroupConstraint, groupViolations } from './constraints';
import { solveWithGroups } from './group-solver';

/**
 * Property tests of the group rule over random instances: a together group is placed whole in one family or not
 * at all, and no two members of an apart group share a family, both in the first run (`solveWithGroups`) and in
 * the automatic re-match after a decline, expiry or withdrawal (`rematch`), where accepted placements stay put.
 * fast-check draws the instances (seeded: the same runs every time) and shrinks a counterexample to a small one.
 */
interface Problem {
  inst: MatchingInstance;
  groups: GroupConstraint[];
}

const MAX_GROUP = 3;

/** Groups from one label per guest (-1: none); a label held by 2+ guests is a group (at most MAX_GROUP of them). */
function groupsFrom(kind: GroupConstraint['kind'], labels: number[]): GroupConstraint[] {
  const byLabel = new Map<number, number[]>();
  labels.forEach((label, g) => {
    if (label < 0) return;
    const list = byLabel.get(label) ?? [];
    if (list.length < MAX_GROUP) list.push(g);
    byLabel.set(label, list);
  });
  return [...byLabel.values()].filter((members) => members.length >= 2).map((guests) => ({ kind, guests }));
}

const problem: fc.Arbitrary<Problem> = fc
  .record({ guests: fc.integer({ min: 2, max: 14 }), families: fc.integer({ min: 1, max: 6 }) })
  .chain(({ guests, families }) =>
    fc.record({
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: families, maxLength: families }),
      // per guest: the families that pass the hard rules, with a score each (groups share families often enough
      // because the family count is small)
      pairs: fc.array(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: families - 1 }), fc.integer({ min: -20, max: 50 })), { selector: (p) => p[0], maxLength: families }), { minLength: guests, maxLength: guests }),
      together: fc.array(fc.integer({ min: -1, max: Math.floor(guests / 2) }), { minLength: guests, maxLength: guests }),
      apart: fc.array(fc.integer({ min: -3, max: Math.floor(guests / 2) }), { minLength: guests, maxLength: guests }),
    }),
  )
  .map(({ capacity, pairs, together, apart }) => {
    const list: PairInput[] = pairs.flatMap((ps, guest) => ps.map(([family, score]) => ({ guest, family, score })));
    return {
      inst: buildInstance(pairs.length, capacity, list),
      groups: [...groupsFrom('together', together), ...groupsFrom('apart', apart.map((a) => (a < 0 ? -1 : a)))],
    };
  });

/** every guest on one of its feasible pairs and no family over its beds */
function expectFeasible(inst: MatchingInstance, familyOf: ArrayLike<number>): void {
  const load = new Int32Array(inst.familyCount);
  for (let g = 0; g < inst.guestCount; g++) {
    const f = familyOf[g];
    if (f < 0) continue;
    let pair = false;
    for (let k = inst.pairStart[g]; k < inst.pairStart[g + 1]; k++) if (inst.pairFamily[k] === f) pair = true;
    expect(pair).toBe(true);
    load[f]++;
  }
  for (let f = 0; f < inst.familyCount; f++) expect(load[f]).toBeLessThanOrEqual(inst.capacity[f]);
}

/** the invariant, stated on its own: whole in one family or wholly unplaced; apart members in different families */
function expectGroupsHonoured(familyOf: ArrayLike<number>, groups: readonly GroupConstraint[]): void {
  for (const grp of groups) {
    const families = grp.guests.map((g) => familyOf[g]);
    if (grp.kind === 'together') expect(new Set(families).size).toBe(1);
    else {
      const placed = families.filter((f) => f >= 0);
      expect(new Set(placed).size).toBe(placed.length);
    }
  }
  expect(groupViolations(familyOf, groups)).toEqual([]);
}

describe('groups: property tests over random instances', () => {
  it('the solver places every together group whole in one family or not at all, and keeps apart groups apart', () => {
    fc.assert(
      fc.property(problem, fc.constantFrom(0, 200), ({ inst, groups }, maxNodes) => {
        const r = solveWithGroups(inst, groups, { maxNodes, timeLimitMs: Infinity });
        expectFeasible(inst, r.familyOf);
        expectGroupsHonoured(r.familyOf, groups);
      }),
      { seed: 20261208, numRuns: 400 },
    );
  });

  it('a re-match after a decline, expiry or withdrawal of one member of a placed group keeps the invariant and leaves accepted placements where they are', () => {
    fc.assert(
      fc.property(problem, fc.nat(), fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), ({ inst, groups }, pick, accept) => {
        const first = solveWithGroups(inst, groups, { timeLimitMs: Infinity });
        const placed = [...first.familyOf.keys()].filter((g) => first.familyOf[g] >= 0);
        fc.pre(placed.length > 0);
        // the guest whose offer ends: a member of a placed together group when there is one
        const inPlacedGroup = placed.filter((g) => groups.some((grp) => grp.kind === 'together' && grp.guests.includes(g)));
        const pool = inPlacedGroup.length ? inPlacedGroup : placed;
        const lost = pool[pick % pool.length];
        const lostGroup = groups.find((grp) => grp.kind === 'together' && grp.guests.includes(lost))?.guests ?? [lost];
        // accepted placements of other guests, a together group accepted as a whole (a family answers for the group)
        const frozen = new Array<number>(inst.guestCount).fill(0);
        for (const g of placed) {
          if (lostGroup.includes(g)) continue;
          const unit = groups.find((grp) => grp.kind === 'together' && grp.guests.includes(g))?.guests ?? [g];
          if (accept[Math.min(...unit) % accept.length]) frozen[g] = 1;
        }
        const r = rematch(inst, { current: first.familyOf, frozen, forbidden: [{ guest: lost, family: first.familyOf[lost] }], groups });
        expectFeasible(inst, r.familyOf);
        expectGroupsHonoured(r.familyOf, groups);
        expect(r.familyOf[lost]).not.toBe(first.familyOf[lost]);
        for (let g = 0; g < inst.guestCount; g++) if (frozen[g]) expect(r.familyOf[g]).toBe(first.familyOf[g]);
      }),
      { seed: 20261208, numRuns: 400 },
    );
  });
});
