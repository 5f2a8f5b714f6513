import { birthday } from './calendar';
import { GateCheck, GateMember, GateVisit, VettingGate } from './vetting-gate';

const parent: GateMember = { id: 'p', name: 'Ana Ruiz', dateOfBirth: '1980-03-02' };
const teen: GateMember = { id: 't', name: 'Leo Ruiz', dateOfBirth: '2009-07-15' };
const clear = (memberId: string, expiresOn: string, checkedOn = '2026-01-10', id = `c-${memberId}-${expiresOn}`): GateCheck => ({ id, memberId, result: 'clear', checkedOn, expiresOn });
const visit: GateVisit = { id: 'v', visitedOn: '2026-02-01' };

describe('VettingGate: eligibility to host minors on a given day', () => {
  it('is eligible with a clear, unexpired check for every adult and a home visit; minors need no check', () => {
    const r = new VettingGate([parent, teen], [clear('p', '2027-01-10')], [visit]).evaluate('2026-06-01');
    expect(r).toMatchObject({ eligible: true, reasons: [], homeVisitOn: '2026-02-01' });
    expect(r.members).toEqual([
      { memberId: 'p', adult: true, status: 'valid', checkId: 'c-p-2027-01-10', expiresOn: '2027-01-10' },
      { memberId: 't', adult: false, status: 'not-required', checkId: null, expiresOn: null },
    ]);
  });

  it('a check no longer counts on its expiry date: the day before eligible, on the day ineligible with CHECK_EXPIRED', () => {
    const gate = new VettingGate([parent], [clear('p', '2027-01-10')], [visit]);
    expect(gate.evaluate('2027-01-09').eligible).toBe(true);
    const r = gate.evaluate('2027-01-10');
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'CHECK_EXPIRED', memberId: 'p', since: '2027-01-10' })]);
    expect(r.members[0].status).toBe('expired');
  });

  it('warns 30 days before an expiry (and not 31), naming the check', () => {
    const gate = new VettingGate([parent], [clear('p', '2027-01-10')], [visit]);
    expect(gate.evaluate('2026-12-10').warnings).toEqual([]);
    expect(gate.evaluate('2026-12-11').warnings).toEqual([expect.objectContaining({ code: 'CHECK_EXPIRING', checkId: 'c-p-2027-01-10', on: '2027-01-10' })]);
  });

  it('a renewed check replaces the expiring one (no warning, still eligible after the old expiry)', () => {
    const gate = new VettingGate([parent], [clear('p', '2027-01-10'), clear('p', '2028-01-05', '2026-12-20')], [visit]);
    expect(gate.evaluate('2026-12-21')).toMatchObject({ eligible: true, warnings: [] });
    expect(gate.evaluate('2027-06-01').eligible).toBe(true);
  });

  it('a check recorded for a later day does not count before it was made', () => {
    const r = new VettingGate([parent], [clear('p', '2027-12-01', '2026-12-01')], [visit]).evaluate('2026-11-30');
    expect(r.reasons.map((x) => x.code)).toEqual(['CHECK_MISSING']);
  });

  it('a member turning 18 without a check makes the family ineligible on the 18th birthday, with a warning 30 days before', () => {
    const gate = new VettingGate([parent, teen], [clear('p', '2028-01-10')], [visit]);
    expect(gate.evaluate('2027-07-14').eligible).toBe(true);
    expect(gate.evaluate('2027-06-15').warnings).toEqual([expect.objectContaining({ code: 'MEMBER_TURNS_18', memberId: 't', on: '2027-07-15' })]);
    expect(gate.evaluate('2027-06-14').warnings).toEqual([]);
    const r = gate.evaluate('2027-07-15');
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'CHECK_MISSING', memberId: 't', since: '2027-07-15' })]);
  });

  it('a 17-year-old already checked before the birthday stays eligible through it (no warning)', () => {
    const gate = new VettingGate([parent, teen], [clear('p', '2028-01-10'), clear('t', '2028-06-30', '2027-06-30')], [visit]);
    expect(gate.evaluate('2027-07-01').warnings).toEqual([]);
    expect(gate.evaluate('2027-07-15').eligible).toBe(true);
  });

  it('a 29 February birthday turns 18 on 1 March in a common year', () => {
    expect(birthday('2008-02-29', 18)).toBe('2026-03-01');
    const leapling: GateMember = { id: 'l', name: 'Kai', dateOfBirth: '2008-02-29' };
    const gate = new VettingGate([parent, leapling], [clear('p', '2028-01-10')], [visit]);
    expect(gate.evaluate('2026-02-28').eligible).toBe(true);
    expect(gate.evaluate('2026-03-01').eligible).toBe(false);
  });

  it('without a home visit (or with one only later) the family is ineligible with HOME_VISIT_MISSING', () => {
    expect(new VettingGate([parent], [clear('p', '2028-01-10')], []).evaluate('2026-06-01').reasons.map((r) => r.code)).toEqual(['HOME_VISIT_MISSING']);
    expect(new VettingGate([parent], [clear('p', '2028-01-10')], [{ id: 'v', visitedOn: '2026-07-01' }]).evaluate('2026-06-01').eligible).toBe(false);
  });

  it('a concern is not a clearance (CHECK_CONCERN), and a household without adults is never eligible', () => {
    const concern: GateCheck = { id: 'x', memberId: 'p', result: 'concern', checkedOn: '2026-01-10', expiresOn: '2027-01-10' };
    expect(new VettingGate([parent], [concern], [visit]).evaluate('2026-06-01').reasons.map((r) => r.code)).toEqual(['CHECK_CONCERN']);
    expect(new VettingGate([teen], [], [visit]).evaluate('2026-06-01').reasons.map((r) => r.code)).toEqual(['NO_ADULT_MEMBER']);
    expect(new VettingGate([], [], []).evaluate('2026-06-01').reasons.map((r) => r.code)).toEqual(['NO_ADULT_MEMBER', 'HOME_VISIT_MISSING']);
  });

  it('lists every missing piece at once', () => {
    const other: GateMember = { id: 'o', name: 'Rosa Ruiz', dateOfBirth: '1955-01-01' };
    const r = new VettingGate([parent, other], [clear('p', '2026-03-01')], []).evaluate('2026-06-01');
    expect(r.reasons.map((x) => `${x.code}:${x.memberId ?? ''}`)).toEqual(['CHECK_EXPIRED:p', 'CHECK_MISSING:o', 'HOME_VISIT_MISSING:']);
  });
});
