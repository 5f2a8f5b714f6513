import { Arrival, arrivalsOf, changedFields, checkMinors, planPickups, PlanSettings, SegmentForPlan } from './pickup-plan';
import { dropOffOf, groupDropOffs } from './drop-offs';
import { pickupSheetCsv, pickupSheetHtml } from './pickup-sheet';

const S: PlanSettings = { windowMinutes: 90, bufferMinutes: 45, seats: 7, luggage: 7 };
const at = (hhmm: string) => new Date(`2027-06-01T${hhmm}:00-07:00`);
let n = 0;
const people = (count: number, hhmm: string, airport = 'SEA', bags = 1): Arrival[] =>
  Array.from({ length: count }, () => ({ memberId: `m${String(++n).padStart(3, '0')}`, segmentId: `s-${hhmm}`, airport, landsAt: at(hhmm), timeZone: 'America/Los_Angeles', bags }));
const ids = (r: { members: { memberId: string }[] }) => r.members.map((m) => m.memberId);
const local = (d: Date) => new Date(d.getTime() - 7 * 3600_000).toISOString().slice(11, 16);

describe('planPickups', () => {
  beforeEach(() => (n = 0));

  it('puts everyone landing within the window into one run when the vehicle takes them; meeting = last landing + buffer', () => {
    const plan = planPickups([...people(3, '10:00'), ...people(2, '11:00')], S);
    expect(plan.runs).toHaveLength(1);
    expect(local(plan.runs[0].meetingAt)).toBe('11:45');
    expect(plan.runs[0].members.map((m) => m.waitMinutes)).toEqual([105, 105, 105, 45, 45]);
    expect(plan.runs[0].maxWaitMinutes).toBe(105);
  });

  it('splits by the window: landings more than 90 minutes apart never share a run', () => {
    const plan = planPickups([...people(1, '10:00'), ...people(1, '11:31')], S);
    expect(plan.runs.map(ids)).toEqual([['m001'], ['m002']]);
  });

  it('minimises the number of runs first, then the total wait (12 people in 80 minutes: 5 | 7)', () => {
    const plan = planPickups([...people(5, '10:00'), ...people(4, '10:30'), ...people(3, '11:20')], S);
    expect(plan.runs.map((r) => r.members.length)).toEqual([5, 7]);
    expect(plan.runs.map((r) => local(r.meetingAt))).toEqual(['10:45', '12:05']);
    // waits without the buffer: 0 and 4 x 50 = 200 (6|6 would be 300, 7|5 250)
    expect(plan.totalWaitMinutes).toBe(200 + 12 * 45);
  });

  it('respects the luggage room and reports a member whose bags alone are over it', () => {
    const plan = planPickups([...people(3, '10:00', 'SEA', 3), ...people(1, '10:10', 'SEA', 9)], S);
    expect(plan.runs.map((r) => r.members.length)).toEqual([2, 1, 1]);
    expect(plan.runs.map((r) => r.overCapacity)).toEqual([false, false, true]);
  });

  it('plans airports separately and is deterministic whatever the input order', () => {
    const list = [...people(2, '10:00', 'SEA'), ...people(2, '10:00', 'PDX'), ...people(8, '12:00', 'PDX')];
    const a = planPickups(list, S);
    const b = planPickups([...list].reverse(), S);
    expect(a).toEqual(b);
    expect(a.runs.map((r) => [r.airport, r.members.length])).toEqual([['PDX', 2], ['SEA', 2], ['PDX', 7], ['PDX', 1]]);
    expect(a.runs[0].planKey).toBe('PDX:m003,m004');
  });
});

describe('arrivalsOf', () => {
  const seg = (id: string, extra: Partial<SegmentForPlan>): SegmentForPlan => ({
    id, mode: 'flight', direction: 'arrival', status: 'booked', toCode: 'sea', arrivalAt: at('10:00'), arrivalTimeZone: 'America/Los_Angeles', bagsPerPerson: 1, memberIds: ['a', 'b'], ...extra,
  });
  it('takes each current member\'s last-landing booked or requested arrival flight', () => {
    const out = arrivalsOf([
      seg('leg2', { arrivalAt: at('12:00') }), seg('leg1', { toCode: 'SFO', arrivalAt: at('08:00') }), seg('train', { mode: 'train', arrivalAt: at('13:00') }),
      seg('cancelled', { status: 'cancelled', arrivalAt: at('14:00') }), seg('home', { direction: 'departure', arrivalAt: at('15:00') }),
    ], new Set(['a']));
    expect(out).toEqual([expect.objectContaining({ memberId: 'a', segmentId: 'leg2', airport: 'SEA' })]);
  });
});

describe('checkMinors', () => {
  const crew = { driverKind: 'volunteer' as const, extraAdults: 0, minors: 1, adultMembers: 0 };
  it('two-adults: a minor with a single driver breaks it; an extra adult, an adult member or a hired service satisfies it', () => {
    expect(checkMinors('two-adults', crew)).toEqual(expect.objectContaining({ ok: false, rule: 'two-adults', adults: 1 }));
    expect(checkMinors('two-adults', { ...crew, extraAdults: 1 }).ok).toBe(true);
    expect(checkMinors('two-adults', { ...crew, adultMembers: 1 }).ok).toBe(true);
    expect(checkMinors('two-adults', { ...crew, driverKind: 'hired-service' }).ok).toBe(true);
    expect(checkMinors('two-adults', { ...crew, minors: 0 }).ok).toBe(true);
  });
  it('hired-service: only a hired service may drive a run with a minor', () => {
    expect(checkMinors('hired-service', { ...crew, extraAdults: 2 }).ok).toBe(false);
    expect(checkMinors('hired-service', { ...crew, driverKind: 'hired-service' }).ok).toBe(true);
  });
});

describe('changedFields', () => {
  const m = { memberId: 'a', segmentId: 's', landsAt: at('10:00'), dropOff: 'x' };
  it('names what moved', () => {
    expect(changedFields({ meetingAt: at('11:00'), timeZone: 'Z', members: [m] }, { meetingAt: at('11:00'), timeZone: 'Z', members: [m] })).toEqual([]);
    expect(changedFields({ meetingAt: at('11:00'), timeZone: 'Z', members: [m] }, { meetingAt: at('11:20'), timeZone: 'Z', members: [{ ...m, landsAt: at('10:20'), dropOff: 'y' }] }))
      .toEqual(['meetingAt', 'arrivals', 'dropOffs']);
  });
});

describe('drop-offs and the sheet', () => {
  it('host family first, then a hotel stay covering the arrival, then the delegation hotel for hotel members, else unknown', () => {
    const placement = { familyName: 'Ruiz', address: '1 Main St', stayFrom: '2027-06-01', stayTo: '2027-06-07' };
    const stays = [{ hotel: 'Late', address: null, checkIn: '2027-06-03', checkOut: '2027-06-05' }, { hotel: 'Murano', address: '1320 Broadway', checkIn: '2027-06-01', checkOut: '2027-06-03' }];
    const hotel = { name: 'Hotel Murano', address: '1320 Broadway, Tacoma' };
    expect(dropOffOf({ lodgingNeed: 'homestay', placement, hotelStays: stays, settingsHotel: hotel }, '2027-06-01')).toEqual({ kind: 'homestay', label: 'Ruiz family', address: '1 Main St' });
    expect(dropOffOf({ lodgingNeed: 'hotel', hotelStays: stays, settingsHotel: hotel }, '2027-06-01').label).toBe('Murano');
    expect(dropOffOf({ lodgingNeed: 'hotel', hotelStays: [], settingsHotel: hotel }, '2027-06-01')).toEqual({ kind: 'hotel', label: 'Hotel Murano', address: '1320 Broadway, Tacoma' });
    expect(dropOffOf({ lodgingNeed: 'homestay', hotelStays: [], settingsHotel: hotel }, '2027-06-01')).toEqual({ kind: 'unknown', label: 'unknown', address: null });
    expect(groupDropOffs([{ memberId: 'a', dropOff: { kind: 'unknown', label: 'unknown', address: null } }, { memberId: 'b', dropOff: { kind: 'unknown', label: 'unknown', address: null } }]))
      .toEqual([{ kind: 'unknown', label: 'unknown', address: null, memberIds: ['a', 'b'] }]);
  });
  it('renders CSV (formula cells neutralised) and escaped HTML', () => {
    const sheet = { delegationTitle: 'Fuzhou <youth>', rows: [{ run: 1, runId: 'r', airport: 'SEA', meetingLocal: '2027-06-01T10:45:00', timeZone: 'America/Los_Angeles', driver: 'to assign',
      seats: 7, member: '=cmd', minor: true, flight: 'UA 1', from: 'PEK', landsLocal: '2027-06-01T10:00:00', waitMinutes: 45, dropOff: 'Ruiz family', dropOffAddress: '1 Main St', safeguarding: 'ok' }] };
    expect(pickupSheetCsv(sheet).split('\n')[1]).toBe("1,SEA,2027-06-01 10:45,America/Los_Angeles,to assign,7,'=cmd,yes,UA 1,PEK,2027-06-01 10:00,45,Ruiz family,1 Main St,ok");
    expect(pickupSheetHtml(sheet)).toContain('Airport pickups: Fuzhou &lt;youth&gt;');
  });
  it('CSV makes a driver, drop-off or member that a spreadsheet would run as a formula inert', () => {
    const row = { run: 1, runId: 'r', airport: 'SEA', meetingLocal: '2027-06-01T10:45:00', timeZone: 'America/Los_Angeles', driver: '@driver', seats: 7,
      member: 'Ana', minor: false, flight: '-UA 1', from: 'PEK', landsLocal: '2027-06-01T10:00:00', waitMinutes: 45, dropOff: '=HYPERLINK("https://evil.example","Open")', dropOffAddress: '\t1 Main St', safeguarding: 'ok' };
    expect(pickupSheetCsv({ delegationTitle: 'x', rows: [row] }).split('\n')[1])
      .toBe(`1,SEA,2027-06-01 10:45,America/Los_Angeles,'@driver,7,Ana,no,'-UA 1,PEK,2027-06-01 10:00,45,"'=HYPERLINK(""https://evil.example"",""Open"")",'\t1 Main St,ok`);
  });
});
