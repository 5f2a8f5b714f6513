import { findOverlaps, OverlapWarning } from '../domain/overlap';
import { formatOffset, resolveLocalTime } from '../domain/local-time';
import { ActivityRow } from '../infrastructure/activity-rows';

/** An activity as the API returns it: the host city's wall clock with its zone and offset, and the UTC instants. */
export interface ActivityView {
  id: string;
  delegationId: string;
  title: string;
  venue: string;
  address: string;
  timeZone: string;
  /** Wall clock in timeZone, `YYYY-MM-DDTHH:mm:ss` (no offset, as entered). */
  startsLocal: string;
  endsLocal: string;
  /** The zone's UTC offset at start and end (they differ across a daylight-saving change). */
  startsOffset: string;
  endsOffset: string;
  /** UTC instants, ISO 8601 with `Z`. */
  startsAt: string;
  endsAt: string;
  /** A wall-clock time that happens twice (clocks going back): the earlier instant was taken. */
  ambiguous: boolean;
  /** Which of startsLocal/endsLocal were ambiguous. */
  ambiguousFields: ('startsLocal' | 'endsLocal')[];
  allMembers: boolean;
  attendeeMemberIds: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export function toView(row: ActivityRow): ActivityView {
  const startsAt = new Date(row.startsAt);
  const endsAt = new Date(row.endsAt);
  // the stored instant is the truth; the offset is the zone's at that instant, ambiguity is re-derived from the wall clock
  const ambiguousFields = [...(isAmbiguous(row.startsLocal, row.timeZone) ? ['startsLocal' as const] : []), ...(isAmbiguous(row.endsLocal, row.timeZone) ? ['endsLocal' as const] : [])];
  return {
    id: row.id,
    delegationId: row.delegationId,
    title: row.title,
    venue: row.venue,
    address: row.address,
    timeZone: row.timeZone,
    startsLocal: row.startsLocal,
    endsLocal: row.endsLocal,
    startsOffset: formatOffset(Math.round((Date.parse(`${row.startsLocal}Z`) - startsAt.getTime()) / 60_000)),
    endsOffset: formatOffset(Math.round((Date.parse(`${row.endsLocal}Z`) - endsAt.getTime()) / 60_000)),
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    ambiguous: ambiguousFields.length > 0,
    ambiguousFields,
    allMembers: row.allMembers,
    attendeeMemberIds: row.allMembers ? [] : row.attendeeMemberIds,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

function isAmbiguous(local: string, zone: string): boolean {
  try {
    return resolveLocalTime(local, zone, 'local').ambiguous;
  } catch {
    return false; // the zone's rules changed since it was stored: the stored instant stands
  }
}

export function warningsFor(rows: ActivityRow[], memberIds: string[]): OverlapWarning[] {
  return findOverlaps(
    rows.map((r) => ({ id: r.id, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt), allMembers: r.allMembers, attendeeMemberIds: r.attendeeMemberIds })),
    memberIds,
  );
}
