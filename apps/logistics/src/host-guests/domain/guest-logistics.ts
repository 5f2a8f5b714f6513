import { DropOff } from '../../pickups/domain/drop-offs';
import { placeOf } from '../../travel/domain/places';

/**
 * What a host family needs to know about getting its guest to and from the house (pure): the journey that brings the
 * guest to the host city, the one that takes them away, and the pickup run that meets them at the airport. No health,
 * passport or booking data: a host sees names, times and places only.
 */

/** A travel segment as the travel feature stores it (read through the shared schema). */
export interface GuestSegment {
  id: string; mode: string; direction: string; status: string; carrier: string | null; number: string | null; from: string; to: string;
  departureAt: Date; departureLocal: string; departureTimeZone: string; arrivalAt: Date; arrivalLocal: string; arrivalTimeZone: string; memberIds: string[];
}

/** A planned pickup run with the members it carries (as the pickups feature stores it). */
export interface GuestRun {
  id: string; airport: string; meetingAt: Date; meetingLocal: string; timeZone: string; seats: number; driverKind: string | null; driverName: string | null;
  members: { memberId: string; segmentId: string; landsLocal: string | null; dropOff: DropOff }[];
}

export interface PlaceView { kind: 'airport' | 'station'; code: string; name: string; city: string | null; timeZone: string }

export interface JourneyView {
  segmentId: string;
  mode: string;
  carrier: string | null;
  number: string | null;
  /** carrier + number (`NZ 24`), else the mode (`train`) */
  label: string;
  status: string;
  from: PlaceView;
  to: PlaceView;
  departureAt: string; departureLocal: string; departureTimeZone: string;
  arrivalAt: string; arrivalLocal: string; arrivalTimeZone: string;
}

export interface PickupView {
  runId: string;
  /** where and when the driver meets the guest: the arrival airport, local wall clock in its zone */
  meetingPlace: PlaceView;
  meetingAt: string; meetingLocal: string; timeZone: string;
  /** the arrival the run waits for */
  segmentId: string; landsLocal: string | null;
  driverKind: string | null; driverName: string | null; seats: number;
  /** where the run leaves this guest (the family's house for a homestay) */
  dropOff: DropOff;
}

export interface GuestLogistics { arrival: JourneyView | null; departure: JourneyView | null; pickup: PickupView | null }

const LIVE = new Set(['booked', 'requested']);

function place(code: string, zone: string): PlaceView {
  const p = placeOf(code, zone);
  return { kind: p.kind, code: p.code, name: p.name, city: p.city, timeZone: p.timeZone };
}

export function journeyView(s: GuestSegment): JourneyView {
  return {
    segmentId: s.id, mode: s.mode, carrier: s.carrier, number: s.number, label: [s.carrier, s.number].filter(Boolean).join(' ') || s.mode, status: s.status,
    from: place(s.from, s.departureTimeZone), to: place(s.to, s.arrivalTimeZone),
    departureAt: new Date(s.departureAt).toISOString(), departureLocal: s.departureLocal, departureTimeZone: s.departureTimeZone,
    arrivalAt: new Date(s.arrivalAt).toISOString(), arrivalLocal: s.arrivalLocal, arrivalTimeZone: s.arrivalTimeZone,
  };
}

/**
 * The guest's journeys and pickup. Arrival: among the member's booked or requested segments of direction `arrival`,
 * the one that lands last (the final leg of a connection ends in the host city; the same rule the pickup planner
 * uses, here for any mode). Departure: among those of direction `departure`, the one that leaves first (the first leg
 * starts in the host city). Cancelled segments never count. Pickup: the planned run carrying the member.
 */
export function guestLogistics(memberId: string, segments: readonly GuestSegment[], runs: readonly GuestRun[]): GuestLogistics {
  const mine = segments.filter((s) => LIVE.has(s.status) && s.memberIds.includes(memberId));
  const time = (d: Date) => new Date(d).getTime();
  const arrival = mine.filter((s) => s.direction === 'arrival')
    .sort((a, b) => time(b.arrivalAt) - time(a.arrivalAt) || a.id.localeCompare(b.id))[0];
  const departure = mine.filter((s) => s.direction === 'departure')
    .sort((a, b) => time(a.departureAt) - time(b.departureAt) || a.id.localeCompare(b.id))[0];
  let pickup: PickupView | null = null;
  for (const r of runs) {
    const m = r.members.find((x) => x.memberId === memberId);
    if (!m) continue;
    pickup = {
      runId: r.id, meetingPlace: place(r.airport, r.timeZone), meetingAt: new Date(r.meetingAt).toISOString(), meetingLocal: r.meetingLocal, timeZone: r.timeZone,
      segmentId: m.segmentId, landsLocal: m.landsLocal, driverKind: r.driverKind, driverName: r.driverName, seats: r.seats, dropOff: m.dropOff,
    };
    break;
  }
  return { arrival: arrival ? journeyView(arrival) : null, departure: departure ? journeyView(departure) : null, pickup };
}
