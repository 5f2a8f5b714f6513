import { Delegation, DelegationState, DelegationStatus } from './delegation';
import { DelegationRuleError } from './delegation-error';
import { adultRatio, ageOn, consentIsValid, DelegationLifecycle, RosterMember } from './delegation-lifecycle';

function ruleOf(fn: () => unknown): DelegationRuleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DelegationRuleError) return e;
    throw e;
  }
  throw new Error('expected a rule error');
}

const START = '2027-04-10';
const END = '2027-04-18';
let n = 0;
const member = (dateOfBirth: string, hasValidConsent = false, name = `P${++n}`): RosterMember => ({ memberId: `m${n}`, participantId: `p${n}`, name, dateOfBirth, hasValidConsent });
const adult = () => member('1980-01-01');
const minor = (consent = true) => member('2012-06-01', consent);

describe('DelegationLifecycle transitions', () => {
  const all: DelegationStatus[] = ['draft', 'planning', 'confirmed', 'in-progress', 'completed', 'cancelled'];
  const allowed: [DelegationStatus, DelegationStatus][] = [
    ['draft', 'planning'], ['planning', 'confirmed'], ['confirmed', 'in-progress'], ['in-progress', 'completed'],
    ['draft', 'cancelled'], ['planning', 'cancelled'], ['confirmed', 'cancelled'], ['in-progress', 'cancelled'],
  ];

  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const ok = allowed.some(([f, t]) => f === from && t === to);
    expect(DelegationLifecycle.canTransition(from, to)).toBe(ok);
    if (!ok) {
      const e = ruleOf(() => DelegationLifecycle.assertTransition(from, to));
      expect(e.code).toBe('DELEGATION.TRANSITION_NOT_ALLOWED');
      expect(e.field).toBeUndefined();
    }
  });

  it('cannot skip planning, cannot leave completed or cancelled', () => {
    expect(ruleOf(() => DelegationLifecycle.assertTransition('draft', 'confirmed')).details).toEqual({ from: 'draft', to: 'confirmed', allowed: ['planning', 'cancelled'] });
    expect(DelegationLifecycle.canTransition('completed', 'cancelled')).toBe(false);
    expect(DelegationLifecycle.canTransition('cancelled', 'planning')).toBe(false);
  });
});

describe('ages, consent and the adult ratio', () => {
  it('counts full years on the start date (a birthday on that day counts)', () => {
    expect(ageOn('2009-04-10', START)).toBe(18);
    expect(ageOn('2009-04-11', START)).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('accepts consent given and not expiring before the last day; refuses missing or expired consent', () => {
    expect(consentIsValid([{ consentGivenAt: new Date(), consentExpiresOn: null }], END)).toBe(true);
    expect(consentIsValid([{ consentGivenAt: new Date(), consentExpiresOn: END }], END)).toBe(true);
    expect(consentIsValid([{ consentGivenAt: new Date(), consentExpiresOn: '2027-04-17' }], END)).toBe(false);
    expect(consentIsValid([{ consentGivenAt: null, consentExpiresOn: null }], END)).toBe(false);
    expect(consentIsValid([], END)).toBe(false);
    expect(consentIsValid([{ consentGivenAt: null, consentExpiresOn: null }, { consentGivenAt: '2027-01-01T00:00:00Z', consentExpiresOn: null }], END)).toBe(true);
  });

  it('needs one adult for every N minors or part of N', () => {
    expect(adultRatio([adult(), ...Array.from({ length: 5 }, () => minor())], START, 5)).toEqual({ minors: 5, adults: 1, minorsPerAdult: 5, requiredAdults: 1, ok: true });
    expect(adultRatio([adult(), ...Array.from({ length: 6 }, () => minor())], START, 5)).toMatchObject({ requiredAdults: 2, ok: false });
    expect(adultRatio([adult(), adult()], START, 5)).toMatchObject({ minors: 0, requiredAdults: 0, ok: true });
    expect(adultRatio([adult(), minor(), minor()], START, 1)).toMatchObject({ requiredAdults: 2, ok: false });
  });
});

describe('DelegationLifecycle.assertReadyToTravel', () => {
  it('refuses a delegation with no members', () => {
    expect(ruleOf(() => DelegationLifecycle.assertReadyToTravel([], START, END, 5)).code).toBe('DELEGATION.NO_MEMBERS');
  });

  it('refuses a minor without valid consent, naming the member', () => {
    const e = ruleOf(() => DelegationLifecycle.assertReadyToTravel([adult(), member('2012-01-01', false, 'Lan Chen')], START, END, 5));
    expect(e.code).toBe('DELEGATION.MINOR_WITHOUT_CONSENT');
    expect(e.message).toContain('Lan Chen');
    expect((e.details as { members: { name: string }[] }).members.map((m) => m.name)).toEqual(['Lan Chen']);
  });

  it('does not ask consent of an adult, nor of someone who turns 18 on the start date', () => {
    expect(() => DelegationLifecycle.assertReadyToTravel([adult(), member('2009-04-10', false)], START, END, 5)).not.toThrow();
  });

  it('refuses too few adults, with the counts', () => {
    const e = ruleOf(() => DelegationLifecycle.assertReadyToTravel([adult(), ...Array.from({ length: 6 }, () => minor())], START, END, 5));
    expect(e.code).toBe('DELEGATION.NOT_ENOUGH_ADULTS');
    expect(e.details).toEqual({ minors: 6, adults: 1, minorsPerAdult: 5, requiredAdults: 2, ok: false });
  });

  it('refuses a group of minors only', () => {
    expect(ruleOf(() => DelegationLifecycle.assertReadyToTravel([minor()], START, END, 5)).code).toBe('DELEGATION.NOT_ENOUGH_ADULTS');
  });

  it('accepts a group that passes every rule', () => {
    expect(() => DelegationLifecycle.assertReadyToTravel([adult(), minor(), minor()], START, END, 5)).not.toThrow();
  });
});

describe('Delegation.applyChanges', () => {
  const state = (status: DelegationStatus): DelegationState => ({
    status, title: 'Visit', purpose: '', hostCity: 'Fuzhou', hostTimeZone: 'Asia/Shanghai', startDate: START, endDate: END,
    programmeArea: null, direction: 'outbound', partnershipId: null, minorsPerAdult: 5,
  });

  it('returns only what really changes', () => {
    expect(Delegation.applyChanges(state('draft'), { title: ' Visit ', hostCity: 'Xiamen' })).toEqual({ hostCity: 'Xiamen' });
    expect(Delegation.applyChanges(state('completed'), { title: 'Visit' })).toEqual({});
  });

  it('locks the dates once in progress', () => {
    expect(ruleOf(() => Delegation.applyChanges(state('in-progress'), { endDate: '2027-04-20' })).code).toBe('DELEGATION.DATES_LOCKED');
    expect(Delegation.applyChanges(state('in-progress'), { purpose: 'music' })).toEqual({ purpose: 'music' });
    expect(Delegation.applyChanges(state('confirmed'), { endDate: '2027-04-20' })).toEqual({ endDate: '2027-04-20' });
  });

  it('refuses any change once completed or cancelled', () => {
    expect(ruleOf(() => Delegation.applyChanges(state('cancelled'), { title: 'New' })).code).toBe('DELEGATION.CLOSED');
  });

  it('checks the order of the merged dates, naming the field sent', () => {
    const e = ruleOf(() => Delegation.applyChanges(state('draft'), { startDate: '2027-04-19' }));
    expect([e.code, e.field]).toEqual(['DELEGATION.END_BEFORE_START', 'startDate']);
    expect(ruleOf(() => Delegation.applyChanges(state('draft'), { endDate: '2027-04-01' })).field).toBe('endDate');
  });

  it('validates the host time zone on create', () => {
    const base = { organisationId: 'o', createdBy: 'u', title: 'T', hostCity: 'Fuzhou', startDate: START, endDate: END };
    expect(Delegation.create({ ...base, hostTimeZone: 'Asia/Shanghai' }).hostTimeZone).toBe('Asia/Shanghai');
    expect(Delegation.create(base)).toMatchObject({ hostTimeZone: 'UTC', direction: 'outbound', minorsPerAdult: 5 });
    expect(ruleOf(() => Delegation.create({ ...base, hostTimeZone: 'Mars/Olympus' })).field).toBe('hostTimeZone');
    expect(ruleOf(() => Delegation.create({ ...base, hostTimeZone: '+08:00' })).field).toBe('hostTimeZone');
  });
});
