import { createHash } from 'node:crypto';
import { ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/**
 * What a calendar feed shows, computed from the delegation's logistics (pure), and its iCalendar rendering
 * (RFC 5545 through ical-generator, with a VTIMEZONE for every zone used). Every entry has a STABLE uid
 * `<kind>-<id>@twinning`, so a moved activity or a delayed flight replaces the event in a subscribed calendar
 * instead of duplicating it; its times are written in its own zone (TZID).
 */

export type FeedKind = 'delegation' | 'participant' | 'family';
export type FeedScope = { kind: 'delegation' } | { kind: 'participant'; memberId: string } | { kind: 'family'; memberIds: string[] };

export interface FeedActivity { id: string; title: string; startsAt: Date; endsAt: Date; timeZone: string }
export interface FeedSegment {
  id: string; mode: string; direction: string; status: string; carrier: string | null; number: string | null; from: string; to: string;
  departureAt: Date; departureTimeZone: string; arrivalAt: Date; arrivalTimeZone: string; bookingReference: string | null; memberIds: string[];
}
export interface FeedRun {
  id: string; status: string; airport: string; meetingAt: Date; timeZone: string; driverKind: string | null; driverName: string | null; memberIds: string[];
  dropOffs: { memberId: string; label: string }[];
}
export interface FeedOffer { offerId: string; guestGivenName: string; deadlineAt: Date }
export interface FeedMember { memberId: string; givenName: string | null; familyName: string | null }

export interface FeedInput {
  delegation: { id: string; title: string; hostTimeZone: string | null };
  members: FeedMember[];
  activities: FeedActivity[];
  segments: FeedSegment[];
  runs: FeedRun[];
  /** open offers (status offered) */
  offers: FeedOffer[];
}

export interface CalendarEntry {
  uid: string;
  summary: string;
  description: string;
  location: string | null;
  start: Date;
  end: Date;
  timeZone: string;
}

const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);

function travelLabel(s: FeedSegment): string {
  const number = [s.carrier, s.number].filter(Boolean).join(' ');
  return `${number ? `${number} ` : ''}${s.from}→${s.to}`;
}

/** The feed's events, sorted by start then uid. Cancelled segments and runs are left out (a subscribed calendar drops them). */
export function feedEntries(input: FeedInput, scope: FeedScope): CalendarEntry[] {
  const names = new Map(input.members.map((m) => [m.memberId, [m.givenName, m.familyName].filter(Boolean).join(' ') || 'a member']));
  const who = (ids: string[]) => ids.map((id) => names.get(id)).filter(Boolean).sort().join(', ');
  const concerns = (ids: string[]) => scope.kind === 'delegation' || (scope.kind === 'participant' ? ids.includes(scope.memberId) : ids.some((id) => scope.memberIds.includes(id)));
  const visible = (ids: string[]) => (scope.kind === 'family' ? ids.filter((id) => scope.memberIds.includes(id)) : ids);
  const out: CalendarEntry[] = [];

  if (scope.kind !== 'family') {
    for (const a of input.activities) {
      out.push({ uid: `activity-${a.id}@twinning`, summary: a.title, description: `Itinerary of ${input.delegation.title}`, location: null, start: a.startsAt, end: a.endsAt, timeZone: a.timeZone });
    }
  }
  for (const s of input.segments) {
    if (s.status === 'cancelled' || !concerns(s.memberIds)) continue;
    const travellers = who(visible(s.memberIds));
    const base = `${s.mode} ${travelLabel(s)}${s.status === 'requested' ? ' (requested, not booked yet)' : ''}${s.bookingReference && scope.kind !== 'family' ? `, booking ${s.bookingReference}` : ''}`;
    if (s.direction === 'arrival') {
      out.push({ uid: `arrival-${s.id}@twinning`, summary: `Arrival ${travelLabel(s)}`, description: `${base}. Travellers: ${travellers}`, location: s.to, start: s.arrivalAt, end: minutes(s.arrivalAt, 30), timeZone: s.arrivalTimeZone });
    } else if (s.direction === 'departure') {
      out.push({ uid: `departure-${s.id}@twinning`, summary: `Departure ${travelLabel(s)}`, description: `${base}. Travellers: ${travellers}`, location: s.from, start: s.departureAt, end: s.arrivalAt, timeZone: s.departureTimeZone });
    } else if (scope.kind === 'participant') {
      out.push({ uid: `segment-${s.id}@twinning`, summary: `Travel ${travelLabel(s)}`, description: `${base}. Travellers: ${travellers}`, location: s.from, start: s.departureAt, end: s.arrivalAt, timeZone: s.departureTimeZone });
    }
  }
  for (const r of input.runs) {
    if (r.status !== 'planned' || !concerns(r.memberIds)) continue;
    const driver = r.driverName ? `${r.driverName}${r.driverKind ? ` (${r.driverKind})` : ''}` : r.driverKind ? `a ${r.driverKind} driver` : 'driver to be assigned';
    const drops = r.dropOffs.filter((d) => visible(r.memberIds).includes(d.memberId)).map((d) => `${names.get(d.memberId) ?? 'a member'} → ${d.label}`).join('; ');
    out.push({
      uid: `pickup-${r.id}@twinning`, summary: `Airport pickup at ${r.airport}`, description: `Meeting point at ${r.airport}. Driver: ${driver}. Passengers: ${who(visible(r.memberIds))}${drops ? `. Drop-offs: ${drops}` : ''}`,
      location: r.airport, start: r.meetingAt, end: minutes(r.meetingAt, 60), timeZone: r.timeZone,
    });
  }
  if (scope.kind === 'delegation') {
    for (const o of input.offers) {
      out.push({
        uid: `offer-${o.offerId}@twinning`, summary: `Host offer deadline: ${o.guestGivenName}`, description: `A host family's answer to the offer for ${o.guestGivenName} is due`,
        location: null, start: o.deadlineAt, end: minutes(o.deadlineAt, 15), timeZone: input.delegation.hostTimeZone ?? 'UTC',
      });
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
}

/** A digest of what a subscriber sees of an entry: when it changes, SEQUENCE goes up and LAST-MODIFIED moves. */
export function fingerprint(e: CalendarEntry): string {
  return createHash('sha256').update(JSON.stringify([e.summary, e.description, e.location, e.start.toISOString(), e.end.toISOString(), e.timeZone])).digest('hex');
}

export interface Revision { sequence: number; lastModified: Date }

/** The iCalendar text of a feed; every time in its event's zone, with the VTIMEZONE definitions of the zones used. */
export function renderCalendar(name: string, entries: CalendarEntry[], revisions: Map<string, Revision>, stamp: Date): string {
  const cal = new ICalCalendar({ name, prodId: { company: 'twinning', product: 'logistics', language: 'EN' } });
  cal.timezone({ name: null, generator: (tz: string) => tzlib_get_ical_block(tz)[0] });
  for (const e of entries) {
    const rev = revisions.get(e.uid);
    cal.createEvent({
      id: e.uid,
      summary: e.summary,
      description: e.description,
      location: e.location,
      timezone: e.timeZone,
      start: DateTime.fromJSDate(e.start, { zone: e.timeZone }),
      end: DateTime.fromJSDate(e.end, { zone: e.timeZone }),
      stamp,
      sequence: rev?.sequence ?? 0,
      lastModified: rev?.lastModified ?? stamp,
    });
  }
  return cal.toString();
}
