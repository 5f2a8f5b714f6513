import { Itinerary, VisitFrame } from './activity';
import { ItineraryRuleError } from './itinerary-error';

const frame: VisitFrame = { status: 'planning', startDate: '2027-04-10', endDate: '2027-04-18', hostTimeZone: 'Asia/Shanghai' };

function ruleError(fn: () => unknown): ItineraryRuleError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ItineraryRuleError);
    return e as ItineraryRuleError;
  }
  throw new Error('expected a rule error');
}

describe('Itinerary.schedule', () => {
  it("uses the host city's zone unless the activity names one", () => {
    expect(Itinerary.schedule(frame, { startsLocal: '2027-04-12T09:30', endsLocal: '2027-04-12T11:00' }).starts.instant.toISOString()).toBe('2027-04-12T01:30:00.000Z');
    expect(Itinerary.schedule(frame, { startsLocal: '2027-04-12T09:30', endsLocal: '2027-04-12T11:00', timeZone: 'UTC' }).starts.instant.toISOString()).toBe('2027-04-12T09:30:00.000Z');
  });

  it('accepts the whole first and last day, local, and nothing outside', () => {
    expect(() => Itinerary.schedule(frame, { startsLocal: '2027-04-10T00:00', endsLocal: '2027-04-10T01:00' })).not.toThrow();
    expect(() => Itinerary.schedule(frame, { startsLocal: '2027-04-18T22:00', endsLocal: '2027-04-19T00:00' })).not.toThrow();
    expect(ruleError(() => Itinerary.schedule(frame, { startsLocal: '2027-04-09T23:30', endsLocal: '2027-04-10T01:00' }))).toMatchObject({ code: 'ITINERARY.OUTSIDE_VISIT', field: undefined });
    expect(ruleError(() => Itinerary.schedule(frame, { startsLocal: '2027-04-18T23:00', endsLocal: '2027-04-19T00:30' })).code).toBe('ITINERARY.OUTSIDE_VISIT');
  });

  it('refuses an end not after the start, naming endsLocal', () => {
    expect(ruleError(() => Itinerary.schedule(frame, { startsLocal: '2027-04-12T09:30', endsLocal: '2027-04-12T09:30' }))).toMatchObject({ code: 'ITINERARY.END_NOT_AFTER_START', field: 'endsLocal' });
  });

  it('measures durations in real time across the fall-back hour (an ambiguous end takes the earlier instant)', () => {
    const paris: VisitFrame = { ...frame, startDate: '2027-10-30', endDate: '2027-11-02', hostTimeZone: 'Europe/Paris' };
    const t = Itinerary.schedule(paris, { startsLocal: '2027-10-31T01:30', endsLocal: '2027-10-31T02:45' });
    expect(t.ends.ambiguous).toBe(true);
    expect(t.ends.instant.getTime() - t.starts.instant.getTime()).toBe(75 * 60_000);
  });
});

describe('Itinerary rules', () => {
  it('closes the itinerary of completed and cancelled delegations', () => {
    expect(() => Itinerary.assertOpen(frame)).not.toThrow();
    expect(ruleError(() => Itinerary.assertOpen({ ...frame, status: 'completed' }))).toMatchObject({ code: 'ITINERARY.DELEGATION_CLOSED', field: undefined });
    expect(ruleError(() => Itinerary.assertOpen({ ...frame, status: 'cancelled' })).code).toBe('ITINERARY.DELEGATION_CLOSED');
  });

  it('accepts only members of the delegation as attendees', () => {
    expect(() => Itinerary.assertAttendeesAreMembers(['a'], ['a', 'b'])).not.toThrow();
    expect(ruleError(() => Itinerary.assertAttendeesAreMembers(['a', 'x'], ['a']))).toMatchObject({ code: 'ITINERARY.NOT_A_MEMBER', field: 'attendeeMemberIds' });
  });
});
