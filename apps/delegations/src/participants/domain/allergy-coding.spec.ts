import { allergiesNeedCoding } from './allergy-coding';

describe('allergiesNeedCoding', () => {
  it('flags a new or changed note until someone says the codes cover it', () => {
    expect(allergiesNeedCoding(null, 'penicillin', undefined)).toBe(true);
    expect(allergiesNeedCoding({ note: 'penicillin', needsCoding: false }, 'penicillin and kiwi', undefined)).toBe(true);
    expect(allergiesNeedCoding({ note: 'penicillin', needsCoding: true }, 'penicillin', false)).toBe(false);
  });

  it('keeps the flag of an unchanged note, and never flags an empty one', () => {
    expect(allergiesNeedCoding({ note: 'penicillin', needsCoding: false }, 'penicillin', undefined)).toBe(false);
    expect(allergiesNeedCoding({ note: 'kiwi', needsCoding: true }, 'kiwi', undefined)).toBe(true);
    expect(allergiesNeedCoding({ note: 'kiwi', needsCoding: true }, '  ', undefined)).toBe(false);
    expect(allergiesNeedCoding(null, '', true)).toBe(false);
  });
});
