import { HouseholdChange, HouseholdMemberSnapshot } from './household-change';
import { GateCheck, GateMember, GateVisit, VettingGate } from './vetting-gate';

const ana: HouseholdMemberSnapshot = { id: 'a', name: 'Ana Ruiz', dateOfBirth: '1980-03-02', relation: 'parent', gender: 'female' };
const uncle: HouseholdMemberSnapshot = { id: 'u', name: 'Tio Ruiz', dateOfBirth: '1990-05-05', relation: 'uncle', gender: 'male' };
const leo: HouseholdMemberSnapshot = { id: 'l', name: 'Leo Ruiz', dateOfBirth: '2012-07-15', relation: 'child', gender: 'male' };

describe('HouseholdChange: which household changes wait for a youth manager', () => {
  it('names members added, removed and whose birth date changed; a rename, relation, gender or order is no vetting change', () => {
    const c = HouseholdChange.between([ana, uncle], [{ ...ana, dateOfBirth: '2015-03-02' }, leo]);
    expect({ added: c.added, removed: c.removed, birthDateChanged: c.birthDateChanged, affectsVetting: c.affectsVetting }).toEqual({ added: ['l'], removed: ['u'], birthDateChanged: ['a'], affectsVetting: true });
    const cosmetic = HouseholdChange.between([ana, uncle], [{ ...uncle, name: 'Tío Ruiz', relation: 'brother' }, { ...ana, gender: 'other' }]);
    expect(cosmetic.affectsVetting).toBe(false);
    expect(cosmetic.needsReviewBy(['host'], true)).toBe(false);
  });

  it('a host or a coordinator needs a review; a youth manager or admin does not, unless they host this family themselves', () => {
    const removal = HouseholdChange.between([ana, uncle], [ana]);
    expect(removal.needsReviewBy(['host'], true)).toBe(true);
    expect(removal.needsReviewBy(['coordinator'], false)).toBe(true);
    expect(removal.needsReviewBy(['youth-manager'], false)).toBe(false);
    expect(removal.needsReviewBy(['admin'], false)).toBe(false);
    expect(removal.needsReviewBy(['youth-manager', 'host'], true)).toBe(true);
  });
});

describe('VettingGate with a pending household review', () => {
  const parent: GateMember = { id: 'a', name: 'Ana Ruiz', dateOfBirth: '1980-03-02' };
  const checks: GateCheck[] = [{ id: 'c', memberId: 'a', result: 'clear', checkedOn: '2026-01-10', expiresOn: '2027-01-10' }];
  const visits: GateVisit[] = [{ id: 'v', visitedOn: '2026-02-01' }];

  it('is not eligible for minors while a change waits for review, and the reason names it and since when', () => {
    expect(new VettingGate([parent], checks, visits).evaluate('2026-06-01').eligible).toBe(true);
    const r = new VettingGate([parent], checks, visits, { since: '2026-05-30', changes: 2 }).evaluate('2026-06-01');
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'HOUSEHOLD_REVIEW_PENDING', since: '2026-05-30' })]);
  });

  it('the reported hole: an unchecked adult re-dated to 2015 leaves CHECK_MISSING, but the pending review keeps the gate shut', () => {
    const uncleMember: GateMember = { id: 'u', name: 'Tio Ruiz', dateOfBirth: '1990-05-05' };
    expect(new VettingGate([parent, uncleMember], checks, visits).evaluate('2026-06-01').reasons.map((x) => x.code)).toEqual(['CHECK_MISSING']);
    const redated = { ...uncleMember, dateOfBirth: '2015-05-05' };
    const change = HouseholdChange.between([{ ...ana }, { ...uncle }], [{ ...ana }, { ...uncle, dateOfBirth: '2015-05-05' }]);
    const pending = change.needsReviewBy(['host'], true) ? { since: '2026-06-01', changes: 1 } : null;
    const r = new VettingGate([parent, redated], checks, visits, pending).evaluate('2026-06-01');
    expect(r).toMatchObject({ eligible: false, reasons: [expect.objectContaining({ code: 'HOUSEHOLD_REVIEW_PENDING' })] });
  });
});
