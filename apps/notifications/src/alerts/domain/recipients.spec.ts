import { distinctPeople, greetingName } from './recipients';

describe('alert recipients', () => {
  it('lists each person once, keeping the first occurrence', () => {
    const a = { userId: 'a', name: 'Ana', email: null };
    const b = { userId: 'b', name: 'Bo', email: null };
    expect(distinctPeople([a, b], [{ ...a, name: 'other' }], [b]).map((p) => p.name)).toEqual(['Ana', 'Bo']);
  });

  it('greets by name, else by the address before @', () => {
    expect(greetingName({ userId: 'x', name: ' Lucía ', email: 'l@x.org' })).toBe('Lucía');
    expect(greetingName({ userId: 'x', name: null, email: 'mei.lin@x.org' })).toBe('mei.lin');
    expect(greetingName({ userId: 'x', name: null, email: null })).toBe('—');
  });
});
