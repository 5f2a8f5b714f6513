import type { TFunction } from 'i18next';

/** "2 d 3 h 5 min left", or "deadline passed". */
export function timeLeft(t: TFunction, deadlineAt: string, now: number = Date.now()): string {
  const ms = new Date(deadlineAt).getTime() - now;
  if (!(ms > 0)) return t('time.over');
  const minutes = Math.floor(ms / 60000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return d > 0 ? t('time.left', { d, h, m }) : t('time.leftShort', { h, m });
}

export function formatDateTime(iso: string, lng: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/**
 * A moment on the wall clock of a time zone, naming the zone ("Apr 12, 2027, 3:30 PM China Standard Time"): the host
 * city's zone when it is known, else the reader's own (the browser's), named all the same.
 */
export function formatDateTimeInZone(iso: string, lng: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'long' };
  try {
    return new Intl.DateTimeFormat(lng, { ...options, ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(lng, options).format(new Date(iso)); // an unknown zone: the reader's own
  }
}

/** A zone's name in the reader's language at an instant ("China Standard Time", short: "GMT+8"), or undefined when unknown. */
export function zoneName(zone: string | undefined, lng: string, at: Date = new Date(), style: 'long' | 'short' = 'long'): string | undefined {
  if (!zone) return undefined;
  try {
    return new Intl.DateTimeFormat(lng, { timeZone: zone, timeZoneName: style }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
}

/** A calendar date (YYYY-MM-DD) as the reader's locale writes it, without shifting it through a time zone. */
export function formatDate(date: string, lng: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, d)));
}
