import { DateTime } from 'luxon';
import { DomainRuleError } from '@twinning/platform-http';

export const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export interface ZonedTime {
  /** the UTC instant */
  at: Date;
  /** the wall clock where it happens, `yyyy-MM-ddTHH:mm` */
  local: string;
  timeZone: string;
}

/**
 * A wall-clock time in a zone as an instant. A time the clocks skip (the spring-forward gap) does not exist: 400
 * naming `field`. A time that happens twice (the fall-back hour) is taken at its first occurrence (the earlier
 * offset, as luxon resolves it).
 */
export function zonedTime(local: string, timeZone: string, field: string): ZonedTime {
  if (!LOCAL_TIME.test(local)) throw new DomainRuleError('TRAVEL.INVALID_LOCAL_TIME', `${field} must be a local wall-clock time like 2027-04-09T23:55`, field);
  const dt = DateTime.fromISO(local, { zone: timeZone });
  if (!dt.isValid) throw new DomainRuleError('TRAVEL.INVALID_LOCAL_TIME', `${field}: ${local} is not a valid date and time`, field);
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local) {
    throw new DomainRuleError('TRAVEL.LOCAL_TIME_DOES_NOT_EXIST', `${field}: ${local} does not exist in ${timeZone} (the clocks skip it)`, field);
  }
  return { at: dt.toUTC().toJSDate(), local, timeZone };
}

/** Calendar days between the local dates of departure and arrival: 1 for an overnight flight, -1 across the date line westward-to-east. */
export function dayOffset(departureLocal: string, arrivalLocal: string): number {
  const a = DateTime.fromISO(departureLocal.slice(0, 10), { zone: 'utc' });
  const b = DateTime.fromISO(arrivalLocal.slice(0, 10), { zone: 'utc' });
  return Math.round(b.diff(a, 'days').days);
}
