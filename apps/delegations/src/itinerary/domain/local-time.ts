import { DateTime, IANAZone } from 'luxon';
import { ItineraryRuleError } from './itinerary-error';

/** A wall-clock time in the host city without offset: `2027-04-12T09:30` or `2027-04-12T09:30:15`. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A local wall-clock time resolved to one instant in an IANA zone. */
export interface ResolvedLocalTime {
  /** Normalised wall-clock time, `YYYY-MM-DDTHH:mm:ss`. */
  local: string;
  zone: string;
  /** The instant (UTC). */
  instant: Date;
  /** The zone's offset at that instant, in minutes east of UTC (e.g. -420 for PDT). */
  offsetMinutes: number;
  /**
   * True when the wall-clock time happens twice (the hour repeated when clocks go back): the
   * earlier of the two instants was taken.
   */
  ambiguous: boolean;
}

/** The canonical name of an IANA zone (`europe/paris` → `Europe/Paris`), or undefined when it is not one. */
export function canonicalZone(zone: string): string | undefined {
  if (typeof zone !== 'string' || !zone.trim() || !IANAZone.isValidZone(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** `+08:00`, `-07:00`, `+05:45`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Converts a host-city wall-clock time to an instant, handling daylight-saving changes explicitly
 * (never letting the date library guess):
 *
 * - a time that does not exist (the hour skipped when clocks go forward, e.g. 02:30 in
 *   America/Los_Angeles on 2027-03-14) is refused: `ITINERARY.LOCAL_TIME_GAP` naming `field`;
 * - a time that exists twice (the hour repeated when clocks go back, e.g. 02:30 in Europe/Paris on
 *   2027-10-31) resolves to the EARLIER instant (the first pass, still on summer time) and is
 *   flagged `ambiguous`.
 *
 * How: the wall-clock fields read as if UTC give `naive`; every offset the zone uses within a day
 * either side is a candidate; a candidate `o` is a real reading when the zone's offset at
 * `naive - o` is `o` itself. None → gap; two → overlap.
 */
export function resolveLocalTime(local: string, zone: string, field: string): ResolvedLocalTime {
  const m = LOCAL_DATE_TIME.exec(typeof local === 'string' ? local : '');
  if (!m) throw new ItineraryRuleError('ITINERARY.LOCAL_TIME_INVALID', `${field} must be a local date and time without offset (YYYY-MM-DDTHH:mm)`, field);
  const calendar = DateTime.fromISO(local, { zone: 'UTC' });
  if (!calendar.isValid) throw new ItineraryRuleError('ITINERARY.LOCAL_TIME_INVALID', `${field} is not a real date and time (${calendar.invalidExplanation ?? calendar.invalidReason})`, field);
  const canonical = canonicalZone(zone);
  if (!canonical) throw new ItineraryRuleError('ITINERARY.TIME_ZONE_INVALID', `timeZone must be an IANA time zone (e.g. Europe/Paris), not "${zone}"`, 'timeZone');
  const tz = IANAZone.create(canonical);
  const naive = calendar.toMillis();
  const day = 86_400_000;
  const candidates = new Set([tz.offset(naive - day), tz.offset(naive), tz.offset(naive + day)]);
  const readings = [...candidates]
    .map((offset) => ({ offset, instant: naive - offset * 60_000 }))
    .filter((r) => tz.offset(r.instant) === r.offset)
    .sort((a, b) => a.instant - b.instant);
  const normalised = calendar.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  if (readings.length === 0) {
    throw new ItineraryRuleError('ITINERARY.LOCAL_TIME_GAP', `${field} ${local} does not exist in ${canonical} (the clocks skip it for daylight saving)`, field);
  }
  const first = readings[0];
  return { local: normalised, zone: canonical, instant: new Date(first.instant), offsetMinutes: first.offset, ambiguous: readings.length > 1 };
}

/** The instants a visit covers in a zone: from the start date 00:00 to the end date 24:00, local. */
export function visitWindow(startDate: string, endDate: string, zone: string): { from: Date; to: Date } {
  const from = DateTime.fromISO(startDate, { zone }).startOf('day');
  const to = DateTime.fromISO(endDate, { zone }).plus({ days: 1 }).startOf('day');
  return { from: from.toJSDate(), to: to.toJSDate() };
}
