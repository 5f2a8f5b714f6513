import { solveInstanceFile } from './solve-instance';

describe('solve-instance CLI', () => {
  it('reads the JSON format and writes the certified assignment', () => {
    const out = solveInstanceFile({
      families: [
        { id: 'F1', beds: 1 },
        { id: 'F2', beds: 2 },
      ],
      guests: [
        { id: 'a', candidates: [['F1', 10], ['F2', 3]] },
        { id: 'b', candidates: [['F1', 8]] },
        { id: 'c', candidates: [] },
      ],
    });
    expect(out.assignment).toEqual([
      { guest: 'a', family: 'F2', score: 3 },
      { guest: 'b', family: 'F1', score: 8 },
      { guest: 'c', family: null, score: null },
    ]);
    expect([out.placed, out.totalScore, out.certified]).toEqual([2, 11, true]);
    expect(() => solveInstanceFile({ families: [], guests: [{ id: 'x', candidates: [['nope', 1]] }] })).toThrow(/unknown family/);
  });
});
