/** Calendar dates as `YYYY-MM-DD` strings (no time zone: a birthday or an expiry is a day). */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

/** The UTC calendar date of an instant. */
export function dateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return dateOf(d);
}

/** The day someone born on `dateOfBirth` turns `years` (a 29 February birthday counts from 1 March in other years). */
export function birthday(dateOfBirth: string, years: number): string {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const candidate = new Date(Date.UTC(y + years, m - 1, d));
  return dateOf(candidate); // Date.UTC rolls 29 Feb over to 1 Mar in a non-leap year
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}
