import { addMonths, ageBand, ageOn, isMinorOn, passportWarnings } from './participant-rules';

describe('participant rules', () => {
  it('computes age in whole years, the birthday itself counting', () => {
    expect(ageOn('2010-04-10', '2027-04-09')).toBe(16);
    expect(ageOn('2010-04-10', '2027-04-10')).toBe(17);
    expect(isMinorOn('2009-04-10', '2027-04-09')).toBe(true);
    expect(isMinorOn('2009-04-10', '2027-04-10')).toBe(false);
  });

  it.each([
    [0, 'under-12'], [11, 'under-12'], [12, '12-14'], [14, '12-14'], [15, '15-17'], [17, '15-17'], [18, '18-25'], [25, '18-25'], [26, '26+'], [80, '26+'],
  ])('age %i is in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });

  it('adds calendar months, clamping to the end of the month', () => {
    expect(addMonths('2027-04-18', 6)).toBe('2027-10-18');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('warns when the passport expires before departure plus six months, not on the day itself', () => {
    const trips = [{ delegationId: 'd1', departureDate: '2027-04-18' }];
    expect(passportWarnings('2027-10-18', trips)).toEqual([]);
    const [w] = passportWarnings('2027-10-17', trips);
    expect(w).toMatchObject({ code: 'PASSPORT.EXPIRES_TOO_SOON', delegationId: 'd1', requiredValidUntil: '2027-10-18', passportExpiry: '2027-10-17' });
    expect(passportWarnings(null, trips)[0].code).toBe('PASSPORT.MISSING');
    expect(passportWarnings('2027-01-01', [])).toEqual([]);
  });
});
