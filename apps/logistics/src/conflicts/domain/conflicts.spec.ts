import { computeConflicts, ConflictMember, ConflictRun, ConflictSegment, DelegationState, diffConflicts, visitNights } from './conflicts';

const settings = { passportValidityMonths: 6, minorsRule: 'two-adults' };
const member = (id: string, over: Partial<ConflictMember> = {}): ConflictMember => ({
  memberId: id, lodgingNeed: 'none', givenName: id.toUpperCase(), familyName: null, passportExpiry: null, minor: false, ...over,
});
const segment = (id: string, over: Partial<ConflictSegment>): ConflictSegment => ({
  id, direction: 'arrival', status: 'booked', carrier: 'CA', number: '851', from: 'PEK', to: 'SEA', departureAt: new Date('2027-06-01T05:00:00Z'),
  departureTimeZone: 'Asia/Shanghai', arrivalAt: new Date('2027-06-02T01:00:00Z'), arrivalLocal: '2027-06-01T18:00:00', arrivalTimeZone: 'America/Los_Angeles', memberIds: ['a'], ...over,
});
const run = (id: string, over: Partial<ConflictRun>): ConflictRun => ({
  id, status: 'planned', airport: 'SEA', meetingLocal: '2027-06-01T19:00:00', seats: 7, driverKind: 'volunteer', extraAdults: 0, memberIds: ['a'], ...over,
});
const state = (over: Partial<DelegationState> = {}): DelegationState => ({
  delegation: { startDate: '2027-06-02', endDate: '2027-06-05', hostTimeZone: 'America/Los_Angeles', status: 'confirmed' },
  members: [member('a')], activities: [], placements: [], hotelStays: [], segments: [], runs: [], ...over,
});
const keys = (s: DelegationState, o = settings) => computeConflicts(s, o).map((c) => c.key);

describe('conflicts of a delegation', () => {
  it('lists the nights from the start date to the day before the end date', () => {
    expect(visitNights('2027-06-02', '2027-06-05')).toEqual(['2027-06-02', '2027-06-03', '2027-06-04']);
    expect(visitNights('2027-06-02', '2027-06-02')).toEqual([]);
  });

  it('raises ARRIVES_AFTER_FIRST_ACTIVITY on the last booked arrival only', () => {
    const activity = { id: 'x', title: 'Welcome', startsAt: new Date('2027-06-02T16:00:00Z'), startsLocal: '2027-06-02T09:00:00', timeZone: 'America/Los_Angeles' };
    expect(keys(state({ activities: [activity], segments: [segment('s1', {})] }))).toEqual([]);
    const late = segment('s2', { arrivalAt: new Date('2027-06-02T17:00:00Z'), arrivalLocal: '2027-06-02T10:00:00' });
    expect(keys(state({ activities: [activity], segments: [segment('s1', {}), late] }))).toEqual(['ARRIVES_AFTER_FIRST_ACTIVITY:a']);
    // a requested (not booked) late arrival does not count; nor does one without any activity
    expect(keys(state({ activities: [activity], segments: [segment('s1', {}), { ...late, status: 'requested' }] }))).toEqual([]);
    expect(keys(state({ segments: [late] }))).toEqual([]);
  });

  it('raises one NO_LODGING_FOR_NIGHT per lodged member listing the nights, placements and hotel stays covering them', () => {
    const s = state({ members: [member('a', { lodgingNeed: 'homestay' }), member('b', { lodgingNeed: 'hotel' }), member('c', { lodgingNeed: 'none' })] });
    const all = computeConflicts(s, settings);
    expect(all.map((c) => c.key)).toEqual(['NO_LODGING_FOR_NIGHT:a', 'NO_LODGING_FOR_NIGHT:b']);
    expect(all[0].message).toContain('2027-06-02, 2027-06-03, 2027-06-04');
    const covered = computeConflicts({ ...s, placements: [{ memberId: 'a', stayFrom: '2027-06-02', stayTo: '2027-06-05' }], hotelStays: [{ memberId: 'b', checkIn: '2027-06-03', checkOut: '2027-06-05' }] }, settings);
    expect(covered).toEqual([expect.objectContaining({ key: 'NO_LODGING_FOR_NIGHT:b', message: expect.stringMatching(/night of 2027-06-02$/) })]);
  });

  it('raises DEPARTS_BEFORE_VISIT_ENDS by the date in the host zone, or the airport zone without one', () => {
    // 2027-06-05T05:00Z is 06-04 22:00 in Seattle (before the end date) but 06-05 13:00 in Shanghai
    const dep = segment('d1', { direction: 'departure', from: 'SEA', to: 'PEK', departureAt: new Date('2027-06-05T05:00:00Z'), departureTimeZone: 'America/Los_Angeles' });
    expect(keys(state({ segments: [dep] }))).toEqual(['DEPARTS_BEFORE_VISIT_ENDS:d1']);
    expect(keys(state({ segments: [{ ...dep, departureAt: new Date('2027-06-05T08:00:00Z') }] }))).toEqual([]);
    const noZone = state({ segments: [{ ...dep, departureTimeZone: 'Asia/Shanghai' }] });
    noZone.delegation = { ...noZone.delegation, hostTimeZone: null };
    expect(keys(noZone)).toEqual([]);
    expect(keys(state({ segments: [{ ...dep, status: 'cancelled' }] }))).toEqual([]);
  });

  it('raises PICKUP_OVER_CAPACITY and MINOR_WITHOUT_ADULT_IN_RUN on planned runs', () => {
    const people = [member('a', { minor: true }), member('b'), member('c')];
    expect(keys(state({ members: people, runs: [run('r', { seats: 2, memberIds: ['a', 'b', 'c'] })] }))).toEqual(['PICKUP_OVER_CAPACITY:r']);
    expect(keys(state({ members: people, runs: [run('r', { seats: 2, memberIds: ['a', 'b', 'c'], status: 'cancelled' })] }))).toEqual([]);
    expect(keys(state({ members: people, runs: [run('r', { memberIds: ['a'] })] }))).toEqual(['MINOR_WITHOUT_ADULT_IN_RUN:r']);
    expect(keys(state({ members: people, runs: [run('r', { memberIds: ['a'], extraAdults: 1 })] }))).toEqual([]);
    expect(keys(state({ members: people, runs: [run('r', { memberIds: ['a', 'b'] })] }))).toEqual([]);
    expect(keys(state({ members: people, runs: [run('r', { memberIds: ['a'], driverKind: 'hired-service' })] }))).toEqual([]);
    expect(keys(state({ members: people, runs: [run('r', { memberIds: ['a', 'b'] })] }), { ...settings, minorsRule: 'hired-service' })).toEqual(['MINOR_WITHOUT_ADULT_IN_RUN:r']);
  });

  it('raises PASSPORT_EXPIRES_TOO_SOON before the end date plus the setting', () => {
    expect(keys(state({ members: [member('a', { passportExpiry: '2027-12-04' })] }))).toEqual(['PASSPORT_EXPIRES_TOO_SOON:a']);
    expect(keys(state({ members: [member('a', { passportExpiry: '2027-12-05' })] }))).toEqual([]);
    expect(keys(state({ members: [member('a', { passportExpiry: '2027-12-04' })] }), { ...settings, passportValidityMonths: 3 })).toEqual([]);
  });

  it('has none for a cancelled delegation', () => {
    const s = state({ members: [member('a', { lodgingNeed: 'hotel', passportExpiry: '2020-01-01' })] });
    expect(keys(s)).toHaveLength(2);
    expect(keys({ ...s, delegation: { ...s.delegation, status: 'cancelled' } })).toEqual([]);
  });

  it('diffs with the open conflicts: raise new keys, resolve vanished ones, re-word those that hold', () => {
    const current = [{ key: 'K1', kind: 'NO_LODGING_FOR_NIGHT' as const, message: 'new words' }, { key: 'K3', kind: 'NO_LODGING_FOR_NIGHT' as const, message: 'm3' }];
    const d = diffConflicts([{ id: '1', key: 'K1', message: 'old words' }, { id: '2', key: 'K2', message: 'm2' }], current);
    expect(d.raise.map((c) => c.key)).toEqual(['K3']);
    expect(d.resolve.map((c) => c.key)).toEqual(['K2']);
    expect(d.reword).toEqual([{ id: '1', message: 'new words' }]);
  });
});
