import type { HelperDelegate, HelperOptions } from 'handlebars';
import { VocabularyKind, vocabularyLabel } from '@twinning/contracts';

/**
 * The helpers every template may use. Dates and times are formatted with Intl in the recipient's locale (the `@locale`
 * data variable) and the request's time zone (`@timeZone`, default UTC), or a zone given as the helper's second
 * argument (`{{dateTime departureAt departureTimeZone}}`). Values that are missing render as an empty string.
 *
 *   {{dateTime value}}   date and time with the zone's name: "April 14, 2027 at 7:30 PM (Asia/Shanghai)"
 *   {{date value}}       the day: "April 14, 2027"; a calendar date `YYYY-MM-DD` shows as that day in any zone
 *   {{time value}}       the time with the zone's name: "7:30 PM (Asia/Shanghai)"
 *   {{timeLeft value}}   from now to the value: "in 3 days", "en 3 días", "3天后" (or "2 hours ago")
 *   {{list items}}       a list of strings as a sentence: "nuts and shellfish", "nueces y mariscos", "坚果和贝类"
 *   {{#if (eq a b)}}     equality, for codes such as an itinerary change ('added', 'updated', 'removed')
 *   {{labels "allergens" codes}}  codes of the vocabulary (pets, allergens, diets) as their labels in the recipient's
 *                        language, as a sentence: "Cacahuetes y Mariscos"
 */
export const HELPER_NAMES = ['dateTime', 'date', 'time', 'timeLeft', 'list', 'eq', 'labels'] as const;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

interface RenderContext {
  locale: string;
  timeZone: string;
  now: Date;
}

function context(options: HelperOptions): RenderContext {
  const data = (options.data ?? {}) as Partial<RenderContext>;
  return { locale: data.locale ?? 'en', timeZone: data.timeZone ?? 'UTC', now: data.now ?? new Date() };
}

/** The options object is always the last argument; a zone may be given before it. */
function split(args: unknown[]): { value: unknown; zone: string | undefined; options: HelperOptions } {
  const options = args[args.length - 1] as HelperOptions;
  const zone = args.length > 2 && typeof args[1] === 'string' && args[1] ? args[1] : undefined;
  return { value: args.length > 1 ? args[0] : undefined, zone, options };
}

/**
 * An instant to show: ISO with an offset or Z; a wall clock without offset is taken as already in the zone (shown as
 * it is); a calendar date is that day.
 */
function toShow(value: unknown, zone: string): { at: Date; zone: string } | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { at: value, zone };
  const s = String(value);
  if (DATE_ONLY.test(s)) return { at: new Date(`${s}T12:00:00Z`), zone: 'UTC' };
  if (LOCAL_DATE_TIME.test(s)) {
    const at = new Date(`${s}Z`);
    return Number.isNaN(at.getTime()) ? null : { at, zone: 'UTC' };
  }
  const at = new Date(s);
  return Number.isNaN(at.getTime()) ? null : { at, zone };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, zone: string, parts: Intl.DateTimeFormatOptions, at: Date): string {
  const key = `${locale}|${zone}|${JSON.stringify(parts)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...parts, timeZone: zone });
    formatters.set(key, f);
  }
  return f.format(at);
}

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

/** hours as the locale writes them: "7:30 PM" on a 12-hour clock, "04:30" on a 24-hour one */
const hourStyles = new Map<string, Intl.DateTimeFormatOptions>();
function timeOf(locale: string): Intl.DateTimeFormatOptions {
  let t = hourStyles.get(locale);
  if (!t) {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    t = { hour: cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric', minute: '2-digit' };
    hourStyles.set(locale, t);
  }
  return t;
}

function zoneLabel(zone: string): string {
  return ` (${zone})`;
}

const dateTime: HelperDelegate = (...args: unknown[]) => {
  const { value, zone, options } = split(args);
  const ctx = context(options);
  const shown = toShow(value, zone ?? ctx.timeZone);
  if (!shown) return '';
  // a wall clock without offset is shown as it is, labelled with the zone it belongs to
  const label = zone ?? ctx.timeZone;
  return format(ctx.locale, shown.zone, { ...DAY, ...timeOf(ctx.locale) }, shown.at) + zoneLabel(label);
};

const date: HelperDelegate = (...args: unknown[]) => {
  const { value, zone, options } = split(args);
  const ctx = context(options);
  const shown = toShow(value, zone ?? ctx.timeZone);
  return shown ? format(ctx.locale, shown.zone, DAY, shown.at) : '';
};

const time: HelperDelegate = (...args: unknown[]) => {
  const { value, zone, options } = split(args);
  const ctx = context(options);
  const shown = toShow(value, zone ?? ctx.timeZone);
  return shown ? format(ctx.locale, shown.zone, timeOf(ctx.locale), shown.at) + zoneLabel(zone ?? ctx.timeZone) : '';
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const timeLeft: HelperDelegate = (...args: unknown[]) => {
  const { value, options } = split(args);
  const ctx = context(options);
  const shown = toShow(value, ctx.timeZone);
  if (!shown) return '';
  const ms = shown.at.getTime() - ctx.now.getTime();
  const abs = Math.abs(ms);
  const [unit, size] = UNITS.find(([, s]) => abs >= s) ?? UNITS[UNITS.length - 1];
  const amount = Math.round(abs / size) * Math.sign(ms);
  return new Intl.RelativeTimeFormat(ctx.locale, { numeric: 'always' }).format(amount === 0 ? 0 : amount, unit);
};

const list: HelperDelegate = (...args: unknown[]) => {
  const { value, options } = split(args);
  const ctx = context(options);
  const items = (Array.isArray(value) ? value : value == null || value === '' ? [] : [value]).filter((v) => v != null && v !== '').map(String);
  return new Intl.ListFormat(ctx.locale, { style: 'long', type: 'conjunction' }).format(items);
};

const eq: HelperDelegate = (a: unknown, b: unknown) => a === b;

const labels: HelperDelegate = (kind: unknown, codes: unknown, options: HelperOptions) => {
  const ctx = context(options);
  const items = (Array.isArray(codes) ? codes : []).map((c) => vocabularyLabel(kind as VocabularyKind, String(c), ctx.locale));
  return new Intl.ListFormat(ctx.locale, { style: 'long', type: 'conjunction' }).format(items);
};

export const TEMPLATE_HELPERS: Record<(typeof HELPER_NAMES)[number], HelperDelegate> = { dateTime, date, time, timeLeft, list, eq, labels };
