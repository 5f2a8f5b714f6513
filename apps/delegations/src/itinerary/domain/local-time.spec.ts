import { ItineraryRuleError } from './itinerary-error';
import { canonicalZone, formatOffset, resolveLocalTime, visitWindow } from './local-time';

function ruleError(fn: () => unknown): ItineraryRuleError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ItineraryRuleError);
    return e as ItineraryRuleError;
  }
  throw new Error('expected a rule error');
}

describe('resolveLocalTime', () => {
  it('reads a plain wall-clock time in its zone', () => {
    const r = resolveLocalTime('2027-04-12T09:30', 'Asia/Shanghai', 'startsLocal');
    expect(r).toMatchObject({ local: '2027-04-12T09:30:00', zone: 'Asia/Shanghai', offsetMinutes: 480, ambiguous: false });
    expect(r.instant.toISOString()).toBe('2027-04-12T01:30:00.000Z');
  });

  it('gives each side of the spring-forward change its own offset (America/Los_Angeles, 2027-03-14)', () => {
    expect(resolveLocalTime('2027-03-14T01:30', 'America/Los_Angeles', 'startsLocal').instant.toISOString()).toBe('2027-03-14T09:30:00.000Z');
    expect(resolveLocalTime('2027-03-14T03:30', 'America/Los_Angeles', 'startsLocal').instant.toISOString()).toBe('2027-03-14T10:30:00.000Z');
  });

  it('refuses a time the clocks skip, naming the field', () => {
    const e = ruleError(() => resolveLocalTime('2027-03-14T02:30', 'America/Los_Angeles', 'endsLocal'));
    expect(e.code).toBe('ITINERARY.LOCAL_TIME_GAP');
    expect(e.field).toBe('endsLocal');
    expect(ruleError(() => resolveLocalTime('2027-03-28T02:00', 'Europe/Paris', 'startsLocal')).code).toBe('ITINERARY.LOCAL_TIME_GAP');
    // the first minute after the gap exists
    expect(resolveLocalTime('2027-03-28T03:00', 'Europe/Paris', 'startsLocal').instant.toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('takes the earlier instant of a time that happens twice and flags it (Europe/Paris, 2027-10-31)', () => {
    const r = resolveLocalTime('2027-10-31T02:30', 'Europe/Paris', 'startsLocal');
    expect(r.ambiguous).toBe(true);
    expect(r.offsetMinutes).toBe(120);
    expect(r.instant.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    const after = resolveLocalTime('2027-10-31T03:30', 'Europe/Paris', 'startsLocal');
    expect(after).toMatchObject({ ambiguous: false, offsetMinutes: 60 });
    expect(after.instant.toISOString()).toBe('2027-10-31T02:30:00.000Z');
    expect(resolveLocalTime('2027-10-31T01:59', 'Europe/Paris', 'startsLocal')).toMatchObject({ ambiguous: false, offsetMinutes: 120 });
  });

  it('handles zones with half-hour offsets and no DST', () => {
    expect(resolveLocalTime('2027-04-12T09:30', 'Asia/Kathmandu', 'startsLocal').instant.toISOString()).toBe('2027-04-12T03:45:00.000Z');
    expect(resolveLocalTime('2027-04-12T09:30:15', 'UTC', 'startsLocal').local).toBe('2027-04-12T09:30:15');
  });

  it('refuses impossible dates, offsets and unknown zones', () => {
    expect(ruleError(() => resolveLocalTime('2027-02-30T09:30', 'UTC', 'startsLocal'))).toMatchObject({ code: 'ITINERARY.LOCAL_TIME_INVALID', field: 'startsLocal' });
    expect(ruleError(() => resolveLocalTime('2027-04-12T09:30+02:00', 'UTC', 'startsLocal')).field).toBe('startsLocal');
    expect(ruleError(() => resolveLocalTime('2027-04-12T25:00', 'UTC', 'startsLocal')).field).toBe('startsLocal');
    expect(ruleError(() => resolveLocalTime('2027-04-12T09:30', 'Mars/Olympus', 'startsLocal'))).toMatchObject({ code: 'ITINERARY.TIME_ZONE_INVALID', field: 'timeZone' });
  });
});

describe('canonicalZone, formatOffset, visitWindow', () => {
  it('canonicalises zone names and refuses others', () => {
    expect(canonicalZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(canonicalZone('Nowhere/City')).toBeUndefined();
    expect(canonicalZone('')).toBeUndefined();
  });

  it('formats offsets', () => {
    expect([formatOffset(480), formatOffset(-420), formatOffset(345), formatOffset(0), formatOffset(-30)]).toEqual(['+08:00', '-07:00', '+05:45', '+00:00', '-00:30']);
  });

  it('spans the start date 00:00 to the end date 24:00 local', () => {
    const w = visitWindow('2027-04-10', '2027-04-18', 'Asia/Shanghai');
    expect(w.from.toISOString()).toBe('2027-04-09T16:00:00.000Z');
    expect(w.to.toISOString()).toBe('2027-04-18T16:00:00.000Z');
  });
});
