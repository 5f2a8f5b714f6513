import { EntityManager } from 'typeorm';
import { DriverKind, MinorsRule, SegmentForPlan } from '../domain/pickup-plan';
import { DropOff } from '../domain/drop-offs';

export interface PickupSettings {
  windowMinutes: number;
  bufferMinutes: number;
  seatsPerVehicle: number;
  luggagePerVehicle: number;
  minorsRule: MinorsRule;
  hotelName: string | null;
  hotelAddress: string | null;
}

export const DEFAULT_SETTINGS: PickupSettings = { windowMinutes: 90, bufferMinutes: 45, seatsPerVehicle: 7, luggagePerVehicle: 7, minorsRule: 'two-adults', hotelName: null, hotelAddress: null };

export async function loadSettings(tx: EntityManager, delegationId: string): Promise<PickupSettings> {
  const [row] = (await tx.query(
    `SELECT window_minutes AS "windowMinutes", buffer_minutes AS "bufferMinutes", seats_per_vehicle AS "seatsPerVehicle", luggage_per_vehicle AS "luggagePerVehicle",
       minors_rule AS "minorsRule", hotel_name AS "hotelName", hotel_address AS "hotelAddress" FROM pickup_settings WHERE delegation_id = $1`,
    [delegationId],
  )) as PickupSettings[];
  return row ?? { ...DEFAULT_SETTINGS };
}

export async function saveSettings(tx: EntityManager, delegationId: string, s: PickupSettings, userId: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO pickup_settings (delegation_id, window_minutes, buffer_minutes, seats_per_vehicle, luggage_per_vehicle, minors_rule, hotel_name, hotel_address, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (delegation_id) DO UPDATE SET window_minutes = EXCLUDED.window_minutes, buffer_minutes = EXCLUDED.buffer_minutes, seats_per_vehicle = EXCLUDED.seats_per_vehicle,
       luggage_per_vehicle = EXCLUDED.luggage_per_vehicle, minors_rule = EXCLUDED.minors_rule, hotel_name = EXCLUDED.hotel_name, hotel_address = EXCLUDED.hotel_address,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [delegationId, s.windowMinutes, s.bufferMinutes, s.seatsPerVehicle, s.luggagePerVehicle, s.minorsRule, s.hotelName, s.hotelAddress, userId],
  );
}

/** The delegation's arrival flights that are booked or requested, with their members. */
export async function loadArrivalSegments(tx: EntityManager, delegationId: string): Promise<SegmentForPlan[]> {
  return (await tx.query(
    `SELECT s.id, s.mode, s.direction, s.status, s.to_code AS "toCode", s.arrival_at AS "arrivalAt", s.arrival_time_zone AS "arrivalTimeZone", s.bags_per_person AS "bagsPerPerson",
       array_agg(sm.member_id::text ORDER BY sm.member_id) AS "memberIds"
     FROM travel_segment s JOIN travel_segment_member sm ON sm.segment_id = s.id
     WHERE s.delegation_id = $1 AND s.mode = 'flight' AND s.direction = 'arrival' AND s.status IN ('booked', 'requested')
     GROUP BY s.id`,
    [delegationId],
  )) as SegmentForPlan[];
}

export interface HotelStayRow { memberId: string; hotel: string; address: string | null; checkIn: string; checkOut: string }

export async function loadHotelStays(tx: EntityManager, delegationId: string): Promise<HotelStayRow[]> {
  return (await tx.query(
    `SELECT member_id AS "memberId", hotel, address, check_in::text AS "checkIn", check_out::text AS "checkOut" FROM hotel_stay WHERE delegation_id = $1 ORDER BY check_in, id`,
    [delegationId],
  )) as HotelStayRow[];
}

export async function planExists(tx: EntityManager, delegationId: string): Promise<boolean> {
  return ((await tx.query(`SELECT 1 FROM pickup_plan WHERE delegation_id = $1`, [delegationId])) as unknown[]).length > 0;
}

export interface RunMemberRow {
  memberId: string; segmentId: string; landsAt: Date; landsLocal: string | null; landsTimeZone: string | null; waitMinutes: number; bags: number; dropOff: DropOff;
}

export interface RunRow {
  id: string; delegationId: string; airport: string; meetingAt: Date; meetingLocal: string; timeZone: string; seats: number; luggageCapacity: number;
  driverKind: DriverKind | null; driverName: string | null; extraAdults: number; maxWaitMinutes: number; status: 'planned' | 'cancelled'; planKey: string; version: number;
  createdAt: Date; updatedAt: Date; members: RunMemberRow[];
}

const RUN = `SELECT id, delegation_id AS "delegationId", airport, meeting_at AS "meetingAt", meeting_local AS "meetingLocal", time_zone AS "timeZone", seats,
  luggage_capacity AS "luggageCapacity", driver_kind AS "driverKind", driver_name AS "driverName", extra_adults AS "extraAdults", max_wait_minutes AS "maxWaitMinutes",
  status, plan_key AS "planKey", version, created_at AS "createdAt", updated_at AS "updatedAt" FROM pickup_run`;

/** The delegation's runs (planned only unless `all`), with their members, by meeting time. `lock`: FOR UPDATE. */
export async function loadRuns(tx: EntityManager, delegationId: string, opts: { all?: boolean; runId?: string; lock?: boolean } = {}): Promise<RunRow[]> {
  const where = [`delegation_id = $1`];
  const params: unknown[] = [delegationId];
  if (!opts.all) where.push(`status = 'planned'`);
  if (opts.runId) {
    params.push(opts.runId);
    where.push(`id = $${params.length}`);
  }
  const runs = (await tx.query(`${RUN} WHERE ${where.join(' AND ')} ORDER BY meeting_at, airport, plan_key, id${opts.lock ? ' FOR UPDATE' : ''}`, params)) as Omit<RunRow, 'members'>[];
  if (!runs.length) return [];
  const members = (await tx.query(
    `SELECT run_id AS "runId", member_id AS "memberId", segment_id AS "segmentId", lands_at AS "landsAt", lands_local AS "landsLocal", lands_time_zone AS "landsTimeZone",
       wait_minutes AS "waitMinutes", bags, drop_off_kind AS kind, drop_off_label AS label, drop_off_address AS address
     FROM pickup_run_member WHERE run_id = ANY($1::uuid[]) ORDER BY lands_at, member_id`,
    [runs.map((r) => r.id)],
  )) as (Omit<RunMemberRow, 'dropOff'> & { runId: string; kind: DropOff['kind']; label: string; address: string | null })[];
  return runs.map((r) => ({
    ...r,
    members: members.filter((m) => m.runId === r.id).map(({ memberId, segmentId, landsAt, landsLocal, landsTimeZone, waitMinutes, bags, kind, label, address }) => ({
      memberId, segmentId, landsAt, landsLocal, landsTimeZone, waitMinutes, bags, dropOff: { kind, label, address },
    })),
  }));
}

export async function replaceRunMembers(tx: EntityManager, runId: string, members: RunMemberRow[]): Promise<void> {
  await tx.query(`DELETE FROM pickup_run_member WHERE run_id = $1`, [runId]);
  for (const m of members) {
    await tx.query(
      `INSERT INTO pickup_run_member (run_id, member_id, segment_id, lands_at, lands_local, lands_time_zone, wait_minutes, bags, drop_off_kind, drop_off_label, drop_off_address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [runId, m.memberId, m.segmentId, m.landsAt, m.landsLocal, m.landsTimeZone, m.waitMinutes, m.bags, m.dropOff.kind, m.dropOff.label, m.dropOff.address],
    );
  }
}

export interface SegmentInfo { id: string; carrier: string | null; number: string | null; fromCode: string }

export async function segmentInfo(tx: EntityManager, ids: string[]): Promise<Map<string, SegmentInfo>> {
  if (!ids.length) return new Map();
  const rows = (await tx.query(`SELECT id, carrier, number, from_code AS "fromCode" FROM travel_segment WHERE id = ANY($1::uuid[])`, [ids])) as SegmentInfo[];
  return new Map(rows.map((r) => [r.id, r]));
}
