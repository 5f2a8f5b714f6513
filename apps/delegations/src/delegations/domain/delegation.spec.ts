import { Delegation } from './delegation';
import { DelegationRuleError } from './delegation-error';

describe('Delegation.create', () => {
  const base = { organisationId: null, title: 'Tacoma youth orchestra to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' };

  it('starts as a draft and counts the nights', () => {
    const d = Delegation.create(base);
    expect(d.status).toBe('draft');
    expect(d.nights).toBe(8);
  });

  it('allows a same-day visit', () => {
    expect(Delegation.create({ ...base, endDate: base.startDate }).nights).toBe(0);
  });

  it('refuses an end before the start, naming the field', () => {
    try {
      Delegation.create({ ...base, endDate: '2027-04-09' });
      throw new Error('expected a rule error');
    } catch (e) {
      expect(e).toBeInstanceOf(DelegationRuleError);
      expect((e as DelegationRuleError).code).toBe('DELEGATION.END_BEFORE_START');
      expect((e as DelegationRuleError).field).toBe('endDate');
    }
  });

  it('refuses a blank title', () => {
    expect(() => Delegation.create({ ...base, title: '   ' })).toThrow('title must not be empty');
  });
});
