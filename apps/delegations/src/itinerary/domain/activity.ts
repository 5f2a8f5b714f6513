import { ItineraryRuleError } from './itinerary-error';
import { resolveLocalTime, ResolvedLocalTime, visitWindow } from './local-time';

export type DelegationStatusForItinerary = 'draft' | 'planning' | 'confirmed' | 'in-progress' | 'completed' | 'cancelled' | string;

/** What the itinerary rules need of the delegation. */
export interface VisitFrame {
  status: DelegationStatusForItinerary;
  startDate: string;
  endDate: string;
  /** The host city's IANA zone (delegation.host_time_zone, 'UTC' by default). */
  hostTimeZone: string;
}

export interface ActivityTimesInput {
  startsLocal: string;
  endsLocal: string;
  /** Explicit zone; the delegation's host zone otherwise. */
  timeZone?: string;
}

/** Both ends of an activity resolved in its zone. */
export interface ActivityTimes {
  zone: string;
  starts: ResolvedLocalTime;
  ends: ResolvedLocalTime;
}

const CLOSED = new Set(['completed', 'cancelled']);

/** The itinerary's rules; no framework code here. */
export class Itinerary {
  /** No changes to the itinerary of a completed or cancelled delegation (409). */
  static assertOpen(frame: VisitFrame): void {
    if (CLOSED.has(frame.status)) {
      throw new ItineraryRuleError('ITINERARY.DELEGATION_CLOSED', `the itinerary of a ${frame.status} delegation cannot change`);
    }
  }

  /**
   * Resolves start and end (host-city wall clock) to instants, then checks: end after start
   * (400 `endsLocal`), and both within the visit, from the start date 00:00 to the end date 24:00
   * in the activity's zone (409 `ITINERARY.OUTSIDE_VISIT`).
   */
  static schedule(frame: VisitFrame, input: ActivityTimesInput): ActivityTimes {
    const zone = input.timeZone ?? frame.hostTimeZone;
    const starts = resolveLocalTime(input.startsLocal, zone, 'startsLocal');
    const ends = resolveLocalTime(input.endsLocal, zone, 'endsLocal');
    if (ends.instant.getTime() <= starts.instant.getTime()) {
      throw new ItineraryRuleError('ITINERARY.END_NOT_AFTER_START', 'endsLocal must be after startsLocal', 'endsLocal');
    }
    const window = visitWindow(frame.startDate, frame.endDate, starts.zone);
    if (starts.instant < window.from || ends.instant > window.to) {
      throw new ItineraryRuleError(
        'ITINERARY.OUTSIDE_VISIT',
        `the activity must fall within the visit, ${frame.startDate} 00:00 to ${frame.endDate} 24:00 in ${starts.zone}`,
      );
    }
    return { zone: starts.zone, starts, ends };
  }

  /** The chosen attendees must be members of this delegation (400 naming attendeeMemberIds). */
  static assertAttendeesAreMembers(chosen: string[], memberIds: string[]): void {
    const members = new Set(memberIds);
    const strangers = chosen.filter((id) => !members.has(id));
    if (strangers.length) {
      throw new ItineraryRuleError('ITINERARY.NOT_A_MEMBER', `attendeeMemberIds must be members of this delegation; not members: ${strangers.join(', ')}`, 'attendeeMemberIds');
    }
  }

  static assertTitle(title: string): string {
    const t = title.trim();
    if (!t) throw new ItineraryRuleError('ITINERARY.TITLE_REQUIRED', 'title must not be empty', 'title');
    return t;
  }
}
