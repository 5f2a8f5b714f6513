import { buildInstance } from '../instance';
import { anchorGroups } from './anchor-groups';
import { groupViolations } from './constraints';
import { solveWithGroups } from './group-solver';

describe('anchorGroups: group members outside the problem', () => {
  // guests 0..2, families 0..2 with two beds each; everyone may go anywhere, family 0 scores best
  const inst = buildInstance(3, [2, 2, 2], [0, 1, 2].flatMap((g) => [{ guest: g, family: 0, score: 9 }, { guest: g, family: 1, score: 5 }, { guest: g, family: 2, score: 1 }]));
  const familiesOf = (i: ReturnType<typeof anchorGroups>['inst'], g: number) => Array.from(i.pairFamily.subarray(i.pairStart[g], i.pairStart[g + 1]));

  it('a sibling already offered family 2 holds the others to family 2: all of them or none', () => {
    const a = anchorGroups(inst, [{ kind: 'together', guests: [0, 1], outside: [2] }]);
    expect([familiesOf(a.inst, 0), familiesOf(a.inst, 1), familiesOf(a.inst, 2)]).toEqual([[2], [2], [0, 1, 2]]);
    expect(a.groups).toEqual([{ kind: 'together', guests: [0, 1] }]);
    // family 2 has two beds for the two inside: both go there, never one of them alone
    const r = solveWithGroups(a.inst, a.groups);
    expect(Array.from(r.familyOf)).toEqual([2, 2, 0]);
  });

  it('a sibling who cannot be placed now (no profile, another organisation, two families) keeps the others out', () => {
    for (const outside of [[-1], [1, 2]]) {
      const a = anchorGroups(inst, [{ kind: 'together', guests: [0], outside }]);
      expect(familiesOf(a.inst, 0)).toEqual([]);
      expect(a.groups).toEqual([]);
    }
  });

  it('an apart member outside keeps the members inside out of their family', () => {
    const a = anchorGroups(inst, [{ kind: 'apart', guests: [0, 1], outside: [0] }]);
    expect([familiesOf(a.inst, 0), familiesOf(a.inst, 1)]).toEqual([[1, 2], [1, 2]]);
    const r = solveWithGroups(a.inst, a.groups);
    expect(groupViolations(r.familyOf, a.groups)).toEqual([]);
    expect(r.familyOf[0]).not.toBe(0);
    expect(r.familyOf[1]).not.toBe(0);
  });

  it('without members outside the instance is unchanged', () => {
    const a = anchorGroups(inst, [{ kind: 'together', guests: [0, 1], outside: [] }]);
    expect(a.inst).toBe(inst);
  });
});
