import { GuestRun, GuestSegment, guestLogistics } from './guest-logistics';

const seg = (id: string, over: Partial<GuestSegment>): GuestSegment => ({
  id, mode: 'flight', direction: 'arrival', status: 'booked', carrier: 'CA', number: id, from: 'PEK', to: 'SEA', departureAt: new Date('2027-06-01T08:00:00Z'),
  departureLocal: '2027-06-01T16:00', departureTimeZone: 'Asia/Shanghai', arrivalAt: new Date('2027-06-01T18:30:00Z'), arrivalLocal: '2027-06-01T11:30',
  arrivalTimeZone: 'America/Los_Angeles', memberIds: ['m1'], ...over,
});

describe("a guest's journeys and pickup as a host sees them", () => {
  it('takes the arrival that lands last and the departure that leaves first, never a cancelled one or another member’s', () => {
    const segments = [
      seg('1', { to: 'SFO', arrivalAt: new Date('2027-06-01T16:00:00Z'), arrivalLocal: '2027-06-01T09:00' }), // the connection lands first
      seg('2', { from: 'SFO', departureLocal: '2027-06-01T10:30', departureTimeZone: 'America/Los_Angeles' }),
      seg('3', { status: 'cancelled', arrivalAt: new Date('2027-06-02T18:30:00Z') }),
      seg('4', { memberIds: ['m2'], arrivalAt: new Date('2027-06-03T18:30:00Z') }),
      seg('5', { direction: 'departure', from: 'SEA', to: 'PEK', departureAt: new Date('2027-06-08T20:25:00Z') }),
      seg('6', { direction: 'departure', from: 'SFO', to: 'PEK', departureAt: new Date('2027-06-08T23:00:00Z') }),
      seg('7', { direction: 'other', arrivalAt: new Date('2027-06-05T18:30:00Z') }),
    ];
    const g = guestLogistics('m1', segments, []);
    expect(g.arrival).toMatchObject({ segmentId: '2', label: 'CA 2', from: { code: 'SFO', kind: 'airport' }, to: { code: 'SEA', timeZone: 'America/Los_Angeles' } });
    expect(g.departure).toMatchObject({ segmentId: '5', from: { code: 'SEA' } });
    expect(g.pickup).toBeNull();
    expect(guestLogistics('m3', segments, [])).toEqual({ arrival: null, departure: null, pickup: null });
  });

  it('names a train by its carrier and number, else its mode, with the stations in their zones', () => {
    const train = seg('t', { mode: 'train', carrier: null, number: null, from: 'Vancouver', departureTimeZone: 'America/Vancouver', to: 'Tacoma Dome' });
    expect(guestLogistics('m1', [train], []).arrival).toMatchObject({ label: 'train', from: { kind: 'station', code: 'Vancouver', timeZone: 'America/Vancouver', city: null } });
  });

  it('finds the run carrying the guest, with this guest’s drop-off only', () => {
    const run = (id: string, memberId: string, label: string): GuestRun => ({
      id, airport: 'SEA', meetingAt: new Date('2027-06-01T19:15:00Z'), meetingLocal: '2027-06-01T12:15:00', timeZone: 'America/Los_Angeles', seats: 7, driverKind: null, driverName: null,
      members: [{ memberId, segmentId: '2', landsLocal: '2027-06-01T11:30:00', dropOff: { kind: 'homestay', label, address: null } }],
    });
    const g = guestLogistics('m1', [], [run('r0', 'm2', 'Olsen family'), run('r1', 'm1', 'Ruiz family')]);
    expect(g.pickup).toEqual({
      runId: 'r1', meetingPlace: expect.objectContaining({ code: 'SEA', kind: 'airport' }), meetingAt: '2027-06-01T19:15:00.000Z', meetingLocal: '2027-06-01T12:15:00',
      timeZone: 'America/Los_Angeles', segmentId: '2', landsLocal: '2027-06-01T11:30:00', driverKind: null, driverName: null, seats: 7,
      dropOff: { kind: 'homestay', label: 'Ruiz family', address: null },
    });
  });
});
