import { EntityManager } from 'typeorm';
import { ConflictHotelStay, ConflictRun, ConflictSegment } from '../domain/conflicts';

/**
 * Reads of the other features' tables (travel segments, hotel stays, pickup runs and settings) by SQL, so conflicts
 * and calendar feeds depend on the shared schema only, never on those features' code.
 */

export async function loadSegments(tx: EntityManager, delegationId: string): Promise<(ConflictSegment & { mode: string; departureLocal: string; bookingReference: string | null; updatedAt: Date })[]> {
  return (await tx.query(
    `SELECT s.id, s.mode, s.direction, s.status, s.carrier, s.number, s.from_code AS "from", s.to_code AS "to", s.departure_at AS "departureAt", s.departure_local AS "departureLocal",
       s.departure_time_zone AS "departureTimeZone", s.arrival_at AS "arrivalAt", s.arrival_local AS "arrivalLocal", s.arrival_time_zone AS "arrivalTimeZone",
       s.booking_reference AS "bookingReference", s.updated_at AS "updatedAt",
       COALESCE(array_agg(sm.member_id ORDER BY sm.member_id) FILTER (WHERE sm.member_id IS NOT NULL), '{}') AS "memberIds"
     FROM travel_segment s LEFT JOIN travel_segment_member sm ON sm.segment_id = s.id
     WHERE s.delegation_id = $1 GROUP BY s.id ORDER BY s.departure_at, s.id`,
    [delegationId],
  )) as (ConflictSegment & { mode: string; departureLocal: string; bookingReference: string | null; updatedAt: Date })[];
}

export async function loadRuns(tx: EntityManager, delegationId: string): Promise<(ConflictRun & { meetingAt: Date; timeZone: string; driverName: string | null })[]> {
  return (await tx.query(
    `SELECT r.id, r.status, r.airport, r.meeting_at AS "meetingAt", r.meeting_local AS "meetingLocal", r.time_zone AS "timeZone", r.seats, r.driver_kind AS "driverKind",
       r.driver_name AS "driverName", r.extra_adults AS "extraAdults",
       COALESCE(array_agg(rm.member_id ORDER BY rm.member_id) FILTER (WHERE rm.member_id IS NOT NULL), '{}') AS "memberIds"
     FROM pickup_run r LEFT JOIN pickup_run_member rm ON rm.run_id = r.id
     WHERE r.delegation_id = $1 GROUP BY r.id ORDER BY r.meeting_at, r.id`,
    [delegationId],
  )) as (ConflictRun & { meetingAt: Date; timeZone: string; driverName: string | null })[];
}

export async function loadHotelStays(tx: EntityManager, delegationId: string): Promise<ConflictHotelStay[]> {
  return (await tx.query(`SELECT member_id AS "memberId", check_in::text AS "checkIn", check_out::text AS "checkOut" FROM hotel_stay WHERE delegation_id = $1`, [delegationId])) as ConflictHotelStay[];
}

/** The programme's rule for minors in pickup runs (pickup_settings; 'two-adults' when none is stored). */
export async function loadMinorsRule(tx: EntityManager, delegationId: string): Promise<string> {
  const [row] = (await tx.query(`SELECT minors_rule FROM pickup_settings WHERE delegation_id = $1`, [delegationId])) as { minors_rule: string }[];
  return row?.minors_rule ?? 'two-adults';
}
