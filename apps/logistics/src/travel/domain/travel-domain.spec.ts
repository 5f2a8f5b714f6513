import { DomainRuleError } from '@twinning/platform-http';
import { dayOffset, zonedTime } from './local-time';
import { buildManifest, manifestCsv, manifestHtml, ManifestSegment } from './manifest';
import { findAirport, resolvePlace } from './places';
import { canMove } from './segment-state';

const fails = (fn: () => unknown): DomainRuleError => {
  try {
    fn();
  } catch (e) {
    return e as DomainRuleError;
  }
  throw new Error('expected a DomainRuleError');
};

describe('airports and stations', () => {
  it('finds airports of the bundled dataset with their own IANA zone', () => {
    expect(findAirport('akl')).toMatchObject({ code: 'AKL', timeZone: 'Pacific/Auckland', country: 'NZ' });
    expect(findAirport('HNL')?.timeZone).toBe('Pacific/Honolulu');
    expect(findAirport('SEA')?.timeZone).toBe('America/Los_Angeles');
    expect(findAirport('ZZZ')).toBeUndefined();
    expect(findAirport('SEAT')).toBeUndefined();
  });

  it('rejects an unknown airport code naming the field, and a station without a valid zone', () => {
    expect(fails(() => resolvePlace('flight', 'QQQ', undefined, 'to', 'toTimeZone'))).toMatchObject({ code: 'TRAVEL.UNKNOWN_AIRPORT', field: 'to' });
    expect(fails(() => resolvePlace('train', 'Fuzhou South', undefined, 'from', 'fromTimeZone'))).toMatchObject({ code: 'TRAVEL.ZONE_REQUIRED', field: 'fromTimeZone' });
    expect(fails(() => resolvePlace('train', 'Fuzhou South', 'Asia/Fuzhou', 'from', 'fromTimeZone'))).toMatchObject({ code: 'TRAVEL.UNKNOWN_ZONE', field: 'fromTimeZone' });
    expect(resolvePlace('bus', 'Tacoma Dome Station', 'America/Los_Angeles', 'to', 'toTimeZone')).toMatchObject({ kind: 'station', timeZone: 'America/Los_Angeles' });
  });
});

describe('local wall clocks', () => {
  it('converts with the zone and rejects the time the clocks skip', () => {
    expect(zonedTime('2027-04-09T23:55', 'Asia/Shanghai', 'departureLocal').at.toISOString()).toBe('2027-04-09T15:55:00.000Z');
    expect(zonedTime('2027-03-14T03:10', 'America/Los_Angeles', 'arrivalLocal').at.toISOString()).toBe('2027-03-14T10:10:00.000Z');
    expect(fails(() => zonedTime('2027-03-14T02:30', 'America/Los_Angeles', 'arrivalLocal'))).toMatchObject({ code: 'TRAVEL.LOCAL_TIME_DOES_NOT_EXIST', field: 'arrivalLocal' });
    expect(fails(() => zonedTime('2027-02-30T10:00', 'UTC', 'departureLocal'))).toMatchObject({ field: 'departureLocal' });
  });

  it('tells the calendar-day offset (overnight +1, across the date line -1)', () => {
    expect(dayOffset('2027-04-09T23:55', '2027-04-10T06:30')).toBe(1);
    expect(dayOffset('2027-04-10T19:30', '2027-04-10T06:25')).toBe(0);
    expect(dayOffset('2027-04-11T00:30', '2027-04-10T10:40')).toBe(-1);
  });

  it('moves requested → booked → cancelled only', () => {
    expect(canMove('requested', 'booked')).toBe(true);
    expect(canMove('booked', 'cancelled')).toBe(true);
    expect(canMove('booked', 'requested')).toBe(false);
    expect(canMove('cancelled', 'booked')).toBe(false);
  });
});

describe('manifests', () => {
  const seg = (id: string, code: string, local: string, at: string, names: string[]): ManifestSegment => ({
    segmentId: id, mode: 'flight', carrier: 'NZ', number: id, status: 'booked', bookingReference: null, place: { code, name: `${code} airport`, timeZone: 'Pacific/Honolulu' },
    otherEnd: { code: 'AKL', name: 'Auckland' }, at: new Date(at), local, travellers: names.map((n, i) => ({ memberId: `${id}-${i}`, name: n })),
  });

  it('groups by local date at the airport, then airport, then time, and prints CSV and HTML', () => {
    const m = buildManifest('arrivals', { id: 'd', title: 'Visit <1>', hostCity: 'Honolulu', startDate: '2027-04-10', endDate: '2027-04-15' }, [
      seg('3', 'SEA', '2027-04-10T09:00', '2027-04-10T16:00:00Z', ['Zed']),
      seg('1', 'HNL', '2027-04-10T10:40', '2027-04-10T20:40:00Z', ['Bo', 'Ana']),
      seg('2', 'HNL', '2027-04-10T08:00', '2027-04-10T18:00:00Z', ['Cy']),
      seg('4', 'HNL', '2027-04-09T23:00', '2027-04-10T09:00:00Z', ['Di']),
    ]);
    expect(m.days.map((d) => [d.date, d.airports.map((a) => [a.code, a.entries.map((e) => e.time)])])).toEqual([
      ['2027-04-09', [['HNL', ['23:00']]]],
      ['2027-04-10', [['HNL', ['08:00', '10:40']], ['SEA', ['09:00']]]],
    ]);
    expect(m.days[1].airports[0].entries[1].travellers.map((t) => t.name)).toEqual(['Ana', 'Bo']);
    expect(m.total).toBe(5);
    const csv = manifestCsv(m).trim().split('\n');
    expect(csv[0]).toBe('date,airport,airport_name,time,time_zone,utc,mode,carrier,number,from,to,status,booking_reference,traveller');
    expect(csv).toHaveLength(6);
    expect(csv[1]).toContain('2027-04-09,HNL,HNL airport,23:00,Pacific/Honolulu,2027-04-10T09:00:00.000Z');
    expect(manifestHtml(m)).toContain('Arrivals: Visit &lt;1&gt;');
  });

  it('CSV makes a carrier, flight number, booking reference or traveller name that a spreadsheet would run as a formula inert', () => {
    const m = buildManifest('departures', { id: 'd', title: 'Visit', hostCity: 'Honolulu', startDate: '2027-04-10', endDate: '2027-04-15' }, [{
      ...seg('1', 'HNL', '2027-04-15T10:00', '2027-04-15T20:00:00Z', ['=HYPERLINK("https://evil.example","Open")']),
      carrier: '=HYPERLINK("https://evil.example","NZ")', number: '+1', bookingReference: '@ABC123',
    }]);
    const row = manifestCsv(m).trim().split('\n')[1];
    expect(row).toBe(`2027-04-15,HNL,HNL airport,10:00,Pacific/Honolulu,2027-04-15T20:00:00.000Z,flight,"'=HYPERLINK(""https://evil.example"",""NZ"")",'+1,HNL,AKL,booked,'@ABC123,"'=HYPERLINK(""https://evil.example"",""Open"")"`);
  });
});
