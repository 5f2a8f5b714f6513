import { CandidateSet } from '../candidates/candidate-generator';
import { emptyCounts } from '../candidates/explanations';
import { explainGroupUnplaced } from './group-explanations';

/** A candidate set with what the explanation reads: each guest's feasible families and each family's free beds. */
function set(families: number[], feasible: number[][]): CandidateSet {
  return {
    guests: [],
    families: families.map((freeBeds, i) => ({ id: `f${i}`, freeBeds })),
    settings: {},
    perGuest: feasible.map((fs, g) => ({ guestId: `g${g}`, guest: g, candidates: fs.map((family) => ({ family, familyId: `f${family}`, score: 1 })), excludedByRule: emptyCounts(), explanation: null })),
  } as unknown as CandidateSet;
}

describe('explainGroupUnplaced', () => {
  it('names the group rule and the beds, in words', () => {
    const s = set([1, 3], [[0, 1], [0]]);
    const e = explainGroupUnplaced(s, 0, [-1, -1], [{ kind: 'together', guests: [0, 1] }]);
    expect(e).toMatchObject({ kind: 'kept-together', decidingRule: null, remainingBefore: 0 });
    expect(e?.message).toBe('kept together with the other guest of their group (a together group is placed in one family or not at all): no family meets the hard rules for all 2 of them with 2 free beds');
    // family 1 would fit both if guest 1 could go there: the words never say why guest 1 cannot (that is theirs)
    expect(e?.message).not.toMatch(/allerg|pet|diet|smok/i);
  });

  it('families that could take the group: full, or they declined one of its members', () => {
    const s = set([2, 2, 0], [[0, 1], [0, 1], [0, 1, 2]]);
    const groups = [{ kind: 'together' as const, guests: [0, 1, 2] }];
    expect(explainGroupUnplaced(s, 2, [-1, -1, -1], groups)?.message).toMatch(/the 2 other guests of their group .*no family meets the hard rules for all 3 of them with 3 free beds/);
    const two = set([2, 2], [[0, 1], [0, 1]]);
    const pair = [{ kind: 'together' as const, guests: [0, 1] }];
    expect(explainGroupUnplaced(two, 0, [-1, -1], pair)?.message).toMatch(/all 2 families that could take all 2 of them are full with other guests$/);
    expect(explainGroupUnplaced(two, 0, [-1, -1], pair, [{ guest: 1, family: 0 }, { guest: 0, family: 1 }])?.message).toMatch(/all 2 families that could take all 2 of them have declined one of them$/);
  });

  it('members outside the problem: held by a family, or not placeable now', () => {
    const s = set([2], [[0]]);
    expect(explainGroupUnplaced(s, 0, [-1], [{ kind: 'together', guests: [0], outside: [0] }])?.message).toMatch(/the family that already has an offer or a placement for the others has no free bed for them/);
    expect(explainGroupUnplaced(s, 0, [-1], [{ kind: 'together', guests: [0], outside: [-1] }])?.message).toMatch(/not all of their group can be placed now/);
  });

  it('an apart member whose families host the rest of the group', () => {
    const s = set([1, 1], [[0, 1], [0, 1], [0, 1]]);
    const e = explainGroupUnplaced(s, 2, [0, 1, -1], [{ kind: 'apart', guests: [0, 1, 2] }]);
    expect(e).toMatchObject({ kind: 'kept-apart' });
    expect(e?.message).toBe('kept apart from the other guests of their group: all 2 families that meet the hard rules host one of them');
    const three = set([1, 1, 0], [[0], [0, 1, 2], [1]]);
    expect(explainGroupUnplaced(three, 1, [0, -1, -1], [{ kind: 'apart', guests: [0, 1] }])?.message).toMatch(/: 1 of the 3 families that meet the hard rules hosts one of them, and the others are full with other guests$/);
  });

  it('nothing to say when placed, without families of their own, or not decided by a group', () => {
    const s = set([2], [[0], []]);
    const groups = [{ kind: 'together' as const, guests: [0, 1] }];
    expect(explainGroupUnplaced(s, 0, [0, -1], groups)).toBeNull();
    expect(explainGroupUnplaced(s, 1, [-1, -1], groups)).toBeNull();
    expect(explainGroupUnplaced(s, 0, [-1, -1], [])).toBeNull();
  });
});
