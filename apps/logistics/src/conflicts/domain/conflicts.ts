import { DateTime } from 'luxon';

/**
 * The conflicts of one delegation, computed from scratch from its read model (pure: no I/O, no clock). Each conflict
 * has a stable key (kind + subject) so that the service can tell one that still holds (same key, maybe a new
 * message) from one that appeared or disappeared.
 */

export type ConflictKind =
  | 'ARRIVES_AFTER_FIRST_ACTIVITY' | 'NO_LODGING_FOR_NIGHT' | 'DEPARTS_BEFORE_VISIT_ENDS' | 'PICKUP_OVER_CAPACITY' | 'MINOR_WITHOUT_ADULT_IN_RUN' | 'PASSPORT_EXPIRES_TOO_SOON';

export interface Conflict {
  key: string;
  kind: ConflictKind;
  memberId?: string;
  runId?: string;
  message: string;
}

export interface ConflictDelegation { startDate: string; endDate: string; hostTimeZone: string | null; status: string }
export interface ConflictMember {
  memberId: string; lodgingNeed: string; givenName: string | null; familyName: string | null; passportExpiry: string | null; minor: boolean;
}
export interface ConflictActivity { id: string; title: string; startsAt: Date; startsLocal: string; timeZone: string }
export interface ConflictPlacement { memberId: string; stayFrom: string; stayTo: string }
export interface ConflictHotelStay { memberId: string; checkIn: string; checkOut: string }
export interface ConflictSegment {
  id: string; direction: string; status: string; carrier: string | null; number: string | null; from: string; to: string;
  departureAt: Date; departureTimeZone: string; arrivalAt: Date; arrivalLocal: string; arrivalTimeZone: string; memberIds: string[];
}
export interface ConflictRun {
  id: string; status: string; airport: string; meetingLocal: string; seats: number; driverKind: string | null; extraAdults: number; memberIds: string[];
}
export interface ConflictSettings {
  /** a passport must be valid this many months after the end date */
  passportValidityMonths: number;
  /** pickup_settings.minors_rule: 'two-adults' (a second adult or a hired service) or 'hired-service' (a hired service only) */
  minorsRule: string;
}

export interface DelegationState {
  delegation: ConflictDelegation;
  members: ConflictMember[];
  activities: ConflictActivity[];
  placements: ConflictPlacement[];
  hotelStays: ConflictHotelStay[];
  segments: ConflictSegment[];
  runs: ConflictRun[];
}

const LODGED = new Set(['homestay', 'hotel']);

function nameOf(m: ConflictMember | undefined, fallback: string): string {
  const name = [m?.givenName, m?.familyName].filter(Boolean).join(' ');
  return name || fallback;
}

function flight(s: ConflictSegment): string {
  const label = [s.carrier, s.number].filter(Boolean).join(' ');
  return `${label ? `${label} ` : ''}${s.from}→${s.to}`;
}

/** The nights of the visit: every date from the start date to the day before the end date (YYYY-MM-DD). */
export function visitNights(startDate: string, endDate: string): string[] {
  const nights: string[] = [];
  const end = DateTime.fromISO(endDate, { zone: 'utc' });
  for (let d = DateTime.fromISO(startDate, { zone: 'utc' }); d < end; d = d.plus({ days: 1 })) nights.push(d.toISODate()!);
  return nights;
}

/**
 * Every current conflict, sorted by key. A cancelled or completed delegation has none (its open conflicts resolve).
 *
 * - ARRIVES_AFTER_FIRST_ACTIVITY: the member's last BOOKED arrival segment lands after the first itinerary activity
 *   starts. Itinerary activities carry no attendees, so every member is taken to attend every activity. A member
 *   with no booked arrival yet has no such conflict (nothing to compare).
 * - NO_LODGING_FOR_NIGHT: a member whose lodging need is homestay or hotel with neither a confirmed placement nor a
 *   hotel stay covering some night from the start date to the end date − 1 (a stay covers check-in ≤ night <
 *   check-out); one conflict per member listing the nights.
 * - DEPARTS_BEFORE_VISIT_ENDS: a departure segment (requested or booked) leaving on a date before the end date, the
 *   date read in the delegation's host zone, or the departure airport's zone when the host zone is not known; one
 *   conflict per segment.
 * - PICKUP_OVER_CAPACITY: a planned run with more members than seats.
 * - MINOR_WITHOUT_ADULT_IN_RUN: a planned run with a minor whose driver is not a hired service and with no second
 *   adult (an adult member or an extra adult besides the driver); under the 'hired-service' rule, any planned run with
 *   a minor not driven by a hired service.
 * - PASSPORT_EXPIRES_TOO_SOON: a member's passport expires before the end date + N months (a member without a
 *   recorded expiry has none: nothing to check).
 */
export function computeConflicts(state: DelegationState, settings: ConflictSettings): Conflict[] {
  const { delegation: d } = state;
  if (d.status === 'cancelled' || d.status === 'completed') return [];
  const out: Conflict[] = [];
  const byId = new Map(state.members.map((m) => [m.memberId, m]));
  const live = state.segments.filter((s) => s.status !== 'cancelled');

  // arrives after the first activity
  const first = [...state.activities].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))[0];
  if (first) {
    for (const m of state.members) {
      const arrivals = live.filter((s) => s.direction === 'arrival' && s.status === 'booked' && s.memberIds.includes(m.memberId));
      if (!arrivals.length) continue;
      const last = arrivals.reduce((a, b) => (b.arrivalAt.getTime() > a.arrivalAt.getTime() ? b : a));
      if (last.arrivalAt.getTime() > first.startsAt.getTime()) {
        out.push({
          key: `ARRIVES_AFTER_FIRST_ACTIVITY:${m.memberId}`, kind: 'ARRIVES_AFTER_FIRST_ACTIVITY', memberId: m.memberId,
          message: `${nameOf(m, 'a member')} lands at ${last.arrivalLocal.slice(0, 16)} (${last.arrivalTimeZone}) on ${flight(last)}, after "${first.title}" starts at ${first.startsLocal.slice(0, 16)} (${first.timeZone})`,
        });
      }
    }
  }

  // nights without lodging
  const nights = visitNights(d.startDate, d.endDate);
  for (const m of state.members) {
    if (!LODGED.has(m.lodgingNeed)) continue;
    const stays = [
      ...state.placements.filter((p) => p.memberId === m.memberId).map((p) => [p.stayFrom, p.stayTo] as const),
      ...state.hotelStays.filter((h) => h.memberId === m.memberId).map((h) => [h.checkIn, h.checkOut] as const),
    ];
    const missing = nights.filter((n) => !stays.some(([from, to]) => from <= n && n < to));
    if (missing.length) {
      out.push({
        key: `NO_LODGING_FOR_NIGHT:${m.memberId}`, kind: 'NO_LODGING_FOR_NIGHT', memberId: m.memberId,
        message: `${nameOf(m, 'a member')} (${m.lodgingNeed}) has no confirmed placement or hotel stay for the night${missing.length > 1 ? 's' : ''} of ${missing.join(', ')}`,
      });
    }
  }

  // departs before the visit ends
  for (const s of live.filter((x) => x.direction === 'departure')) {
    const zone = d.hostTimeZone ?? s.departureTimeZone;
    const day = DateTime.fromJSDate(s.departureAt, { zone }).toISODate()!;
    if (day >= d.endDate) continue;
    const members = s.memberIds.filter((id) => byId.has(id));
    if (!members.length) continue;
    const names = members.map((id) => nameOf(byId.get(id), 'a member')).join(', ');
    out.push({
      key: `DEPARTS_BEFORE_VISIT_ENDS:${s.id}`, kind: 'DEPARTS_BEFORE_VISIT_ENDS', ...(members.length === 1 ? { memberId: members[0] } : {}),
      message: `${flight(s)} leaves on ${day} (${zone}), before the visit ends on ${d.endDate}: ${names}`,
    });
  }

  // pickup runs
  for (const r of state.runs.filter((x) => x.status === 'planned')) {
    if (r.memberIds.length > r.seats) {
      out.push({
        key: `PICKUP_OVER_CAPACITY:${r.id}`, kind: 'PICKUP_OVER_CAPACITY', runId: r.id,
        message: `the pickup at ${r.airport} at ${r.meetingLocal.slice(0, 16)} carries ${r.memberIds.length} members in ${r.seats} seats`,
      });
    }
    const people = r.memberIds.map((id) => byId.get(id)).filter((m): m is ConflictMember => !!m);
    const minors = people.filter((m) => m.minor);
    if (!minors.length || r.driverKind === 'hired-service') continue;
    const secondAdults = people.length - minors.length + r.extraAdults;
    if (settings.minorsRule === 'hired-service' || secondAdults < 1) {
      out.push({
        key: `MINOR_WITHOUT_ADULT_IN_RUN:${r.id}`, kind: 'MINOR_WITHOUT_ADULT_IN_RUN', runId: r.id, ...(minors.length === 1 ? { memberId: minors[0].memberId } : {}),
        message: settings.minorsRule === 'hired-service'
          ? `the pickup at ${r.airport} at ${r.meetingLocal.slice(0, 16)} carries ${minors.map((m) => nameOf(m, 'a minor')).join(', ')} (minor) and is not a hired service`
          : `the pickup at ${r.airport} at ${r.meetingLocal.slice(0, 16)} carries ${minors.map((m) => nameOf(m, 'a minor')).join(', ')} (minor) with no adult besides the driver`,
      });
    }
  }

  // passports
  const validUntil = DateTime.fromISO(d.endDate, { zone: 'utc' }).plus({ months: settings.passportValidityMonths }).toISODate()!;
  for (const m of state.members) {
    if (m.passportExpiry && m.passportExpiry < validUntil) {
      out.push({
        key: `PASSPORT_EXPIRES_TOO_SOON:${m.memberId}`, kind: 'PASSPORT_EXPIRES_TOO_SOON', memberId: m.memberId,
        message: `${nameOf(m, 'a member')}'s passport expires on ${m.passportExpiry}; it must be valid until ${validUntil} (${settings.passportValidityMonths} months after the visit)`,
      });
    }
  }

  return out.sort((a, b) => a.key.localeCompare(b.key));
}

export interface StoredConflict { id: string; key: string; message: string }

/** What to do with the open conflicts: raise the new keys, resolve the vanished ones, re-word those still holding. */
export function diffConflicts(open: StoredConflict[], current: Conflict[]): { raise: Conflict[]; resolve: StoredConflict[]; reword: { id: string; message: string }[] } {
  const openByKey = new Map(open.map((o) => [o.key, o]));
  const currentKeys = new Set(current.map((c) => c.key));
  return {
    raise: current.filter((c) => !openByKey.has(c.key)),
    resolve: open.filter((o) => !currentKeys.has(o.key)),
    reword: current.flatMap((c) => {
      const o = openByKey.get(c.key);
      return o && o.message !== c.message ? [{ id: o.id, message: c.message }] : [];
    }),
  };
}
