import { Delegation } from './delegation';
import { DelegationRuleError } from './delegation-error';

describe('Delegation.create', () => {
  const base = { organisationId: '5f0c5f4e-7f53-4a59-9a35-1f1c8f0b2a11', createdBy: '0b8c0a53-1a43-4a5e-9d55-2d3a9b1f6c22', title: 'Tacoma youth orchestra to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' };

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

describe('Delegation.assertCanShareWith', () => {
  const partnership = { id: 'p1', partnerOrganisationId: 'b' };
  it('refuses sharing with the owning organisation itself', () => {
    expect(() => Delegation.assertCanShareWith('a', 'a', partnership)).toThrow('cannot be shared with its own organisation');
  });

  it('shares only with the partner organisation of the partnership, with a stable code naming the rule', () => {
    expect(() => Delegation.assertCanShareWith('a', 'b', partnership)).not.toThrow();
    for (const [org, p] of [['c', partnership], ['b', null], ['b', { id: 'p2', partnerOrganisationId: null }]] as const) {
      try {
        Delegation.assertCanShareWith('a', org, p);
        throw new Error(`expected a refusal for ${org}`);
      } catch (e) {
        expect(e).toBeInstanceOf(DelegationRuleError);
        expect((e as DelegationRuleError).code).toBe('DELEGATION.SHARE_NOT_PARTNER');
        expect((e as DelegationRuleError).field).toBeUndefined();
        expect((e as DelegationRuleError).message).toContain('only with the partner organisation of its partnership');
      }
    }
  });
});
