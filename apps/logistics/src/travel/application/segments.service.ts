import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DomainRuleError } from '@twinning/platform-http';
import { AnyNewEvent, OutboxWriter } from '@twinning/platform-messaging';
import { DelegationRecord, loadDelegation, lockDelegation } from '../../roster/infrastructure/roster-rows';
import { RosterHooks } from '../../roster/roster-hooks';
import { dayOffset, zonedTime } from '../domain/local-time';
import { placeOf, resolvePlace } from '../domain/places';
import { assertMove, SegmentStatus } from '../domain/segment-state';
import { BookSegmentDto, CreateSegmentDto, ListSegmentsDto, UpdateSegmentDto } from '../http/travel.dto';

export interface SegmentRow {
  id: string; delegation_id: string; organisation_id: string; mode: string; carrier: string | null; number: string | null; from_code: string; to_code: string;
  departure_at: Date; departure_local: string; departure_time_zone: string; arrival_at: Date; arrival_local: string; arrival_time_zone: string;
  direction: string; status: SegmentStatus; booking_reference: string | null; bags_per_person: number; created_by: string | null; created_at: Date; updated_at: Date; version: number;
  member_ids: string[];
}

const SELECT = `SELECT s.*, COALESCE((SELECT array_agg(m.member_id ORDER BY m.member_id) FROM travel_segment_member m WHERE m.segment_id = s.id), '{}') AS member_ids FROM travel_segment s`;

/** The fields a change compares (the event's `changed` names them). */
const COMPARED = ['mode', 'carrier', 'number', 'from', 'to', 'departureAt', 'departureLocal', 'departureTimeZone', 'arrivalAt', 'arrivalLocal', 'arrivalTimeZone', 'direction',
  'bookingReference', 'bagsPerPerson', 'memberIds'] as const;

interface Resolved {
  mode: string; carrier: string | null; number: string | null; from: string; to: string; departureAt: string; departureLocal: string; departureTimeZone: string;
  arrivalAt: string; arrivalLocal: string; arrivalTimeZone: string; direction: string; bookingReference: string | null; bagsPerPerson: number; memberIds: string[];
}

export function segmentNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'SEGMENT.NOT_FOUND', message: `segment ${id} not found` });
}

/** The segment as the API answers it: both ends with their place, UTC instants and local wall clocks with their zones. */
export function segmentView(r: SegmentRow) {
  const from = placeOf(r.from_code, r.departure_time_zone);
  const to = placeOf(r.to_code, r.arrival_time_zone);
  return {
    id: r.id, delegationId: r.delegation_id, mode: r.mode, carrier: r.carrier, number: r.number, direction: r.direction, status: r.status, bookingReference: r.booking_reference,
    bagsPerPerson: r.bags_per_person, memberIds: r.member_ids,
    from: { kind: from.kind, code: from.code, name: from.name, city: from.city, country: from.country, timeZone: from.timeZone },
    to: { kind: to.kind, code: to.code, name: to.name, city: to.city, country: to.country, timeZone: to.timeZone },
    departureAt: new Date(r.departure_at).toISOString(), departureLocal: r.departure_local, departureTimeZone: r.departure_time_zone,
    arrivalAt: new Date(r.arrival_at).toISOString(), arrivalLocal: r.arrival_local, arrivalTimeZone: r.arrival_time_zone,
    /** arrival local date minus departure local date: 1 overnight, -1 across the date line eastward */
    arrivalDayOffset: dayOffset(r.departure_local, r.arrival_local),
    durationMinutes: Math.round((new Date(r.arrival_at).getTime() - new Date(r.departure_at).getTime()) / 60000),
    version: r.version, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/**
 * Travel segments of a delegation (issue #6 item 1): flights between airports of the bundled dataset, or train, bus
 * and car between named stations in explicit zones; departure and arrival as wall clocks in their own zones, stored
 * with the UTC instant. requested → booked → cancelled. Each change publishes its event (segment.booked, .changed,
 * .cancelled) through the outbox and tells the other features (RosterHooks) in the same transaction, under the
 * delegation's lock.
 */
@Injectable()
export class SegmentsService {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly hooks: RosterHooks) {}

  async list(user: AuthenticatedUser, delegationId: string, q: ListSegmentsDto) {
    return this.dataSource.transaction(async (tx) => {
      await loadDelegation(tx, user, delegationId);
      const params: unknown[] = [delegationId];
      let where = 's.delegation_id = $1';
      if (q.direction) where += ` AND s.direction = $${params.push(q.direction)}`;
      if (q.status) where += ` AND s.status = $${params.push(q.status)}`;
      if (q.memberId) where += ` AND EXISTS (SELECT 1 FROM travel_segment_member m WHERE m.segment_id = s.id AND m.member_id = $${params.push(q.memberId)})`;
      const rows = (await tx.query(`${SELECT} WHERE ${where} ORDER BY s.departure_at, s.id`, params)) as SegmentRow[];
      return { items: rows.map(segmentView), total: rows.length };
    });
  }

  async get(user: AuthenticatedUser, delegationId: string, segmentId: string) {
    return this.dataSource.transaction(async (tx) => {
      await loadDelegation(tx, user, delegationId);
      return segmentView(await this.load(tx, delegationId, segmentId));
    });
  }

  async create(user: AuthenticatedUser, delegationId: string, dto: CreateSegmentDto) {
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      const r = await this.resolve(tx, d, {
        mode: dto.mode, from: dto.from, to: dto.to, fromTimeZone: dto.fromTimeZone, toTimeZone: dto.toTimeZone, departureLocal: dto.departureLocal, arrivalLocal: dto.arrivalLocal,
        carrier: dto.carrier ?? null, number: dto.number ?? null, direction: dto.direction, bookingReference: dto.bookingReference ?? null, bagsPerPerson: dto.bagsPerPerson ?? 1,
        memberIds: dto.memberIds,
      });
      const id = randomUUID();
      const status: SegmentStatus = dto.status ?? 'requested';
      await tx.query(
        `INSERT INTO travel_segment (id, delegation_id, organisation_id, mode, carrier, number, from_code, to_code, departure_at, departure_local, departure_time_zone,
           arrival_at, arrival_local, arrival_time_zone, direction, status, booking_reference, bags_per_person, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
        [id, d.id, d.organisationId, r.mode, r.carrier, r.number, r.from, r.to, r.departureAt, r.departureLocal, r.departureTimeZone, r.arrivalAt, r.arrivalLocal, r.arrivalTimeZone,
          r.direction, status, r.bookingReference, r.bagsPerPerson, user.userId ?? null],
      );
      await this.setMembers(tx, id, r.memberIds);
      const row = await this.load(tx, d.id, id);
      // a requested segment publishes nothing yet (no event in the contract); the features are told all the same
      await this.announce(tx, d, row, status === 'booked' ? 'segment.booked' : 'segment.requested');
      return segmentView(row);
    });
  }

  async update(user: AuthenticatedUser, delegationId: string, segmentId: string, dto: UpdateSegmentDto) {
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      const row = await this.load(tx, d.id, segmentId);
      if (dto.version !== undefined && dto.version !== row.version) {
        throw new DomainRuleError('SEGMENT.VERSION_CONFLICT', `segment ${segmentId} is at version ${row.version}, not ${dto.version}`, undefined, { version: row.version });
      }
      if (row.status === 'cancelled') throw new DomainRuleError('SEGMENT.CANCELLED', `segment ${segmentId} is cancelled`);
      const mode = dto.mode ?? row.mode;
      const modeChanged = mode !== row.mode;
      const before = this.current(row);
      const r = await this.resolve(tx, d, {
        mode, from: dto.from ?? row.from_code, to: dto.to ?? row.to_code,
        // a station keeps its zone unless given; a flight takes the airport's (a zone given with a new mode or place is checked)
        fromTimeZone: dto.fromTimeZone ?? (mode === 'flight' || modeChanged || dto.from !== undefined ? undefined : row.departure_time_zone),
        toTimeZone: dto.toTimeZone ?? (mode === 'flight' || modeChanged || dto.to !== undefined ? undefined : row.arrival_time_zone),
        departureLocal: dto.departureLocal ?? row.departure_local, arrivalLocal: dto.arrivalLocal ?? row.arrival_local,
        carrier: dto.carrier !== undefined ? dto.carrier : row.carrier, number: dto.number !== undefined ? dto.number : row.number, direction: dto.direction ?? row.direction,
        bookingReference: dto.bookingReference !== undefined ? dto.bookingReference : row.booking_reference, bagsPerPerson: dto.bagsPerPerson ?? row.bags_per_person,
        memberIds: dto.memberIds ?? row.member_ids,
      });
      const changed = COMPARED.filter((k) => JSON.stringify(k === 'memberIds' ? [...r.memberIds].sort() : r[k]) !== JSON.stringify(before[k]));
      if (changed.length === 0) return segmentView(row);
      await tx.query(
        `UPDATE travel_segment SET mode = $2, carrier = $3, number = $4, from_code = $5, to_code = $6, departure_at = $7, departure_local = $8, departure_time_zone = $9,
           arrival_at = $10, arrival_local = $11, arrival_time_zone = $12, direction = $13, booking_reference = $14, bags_per_person = $15, updated_at = now(), version = version + 1
         WHERE id = $1`,
        [row.id, r.mode, r.carrier, r.number, r.from, r.to, r.departureAt, r.departureLocal, r.departureTimeZone, r.arrivalAt, r.arrivalLocal, r.arrivalTimeZone, r.direction,
          r.bookingReference, r.bagsPerPerson],
      );
      if (changed.includes('memberIds')) {
        await tx.query(`DELETE FROM travel_segment_member WHERE segment_id = $1`, [row.id]);
        await this.setMembers(tx, row.id, r.memberIds);
      }
      const after = await this.load(tx, d.id, row.id);
      await this.announce(tx, d, after, 'segment.changed', changed);
      return segmentView(after);
    });
  }

  /** requested → booked (with the booking reference). */
  async book(user: AuthenticatedUser, delegationId: string, segmentId: string, dto: BookSegmentDto) {
    return this.move(user, delegationId, segmentId, 'booked', dto.bookingReference);
  }

  /** requested or booked → cancelled; cancelling a cancelled segment changes nothing (200, no event). */
  async cancel(user: AuthenticatedUser, delegationId: string, segmentId: string) {
    return this.move(user, delegationId, segmentId, 'cancelled');
  }

  private async move(user: AuthenticatedUser, delegationId: string, segmentId: string, to: SegmentStatus, bookingReference?: string) {
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      const row = await this.load(tx, d.id, segmentId);
      if (to === 'cancelled' && row.status === 'cancelled') return segmentView(row);
      assertMove(row.status, to);
      await tx.query(`UPDATE travel_segment SET status = $2, booking_reference = COALESCE($3, booking_reference), updated_at = now(), version = version + 1 WHERE id = $1`,
        [row.id, to, bookingReference ?? null]);
      const after = await this.load(tx, d.id, row.id);
      await this.announce(tx, d, after, to === 'booked' ? 'segment.booked' : 'segment.cancelled');
      return segmentView(after);
    });
  }

  private current(row: SegmentRow): Resolved {
    return {
      mode: row.mode, carrier: row.carrier, number: row.number, from: row.from_code, to: row.to_code, departureAt: new Date(row.departure_at).toISOString(), departureLocal: row.departure_local,
      departureTimeZone: row.departure_time_zone, arrivalAt: new Date(row.arrival_at).toISOString(), arrivalLocal: row.arrival_local, arrivalTimeZone: row.arrival_time_zone,
      direction: row.direction, bookingReference: row.booking_reference, bagsPerPerson: row.bags_per_person, memberIds: [...row.member_ids].sort(),
    };
  }

  /** Checks the route (airports or stations and zones), the wall clocks (existing, arrival after departure) and the members. */
  private async resolve(tx: EntityManager, d: DelegationRecord, i: {
    mode: string; from: string; to: string; fromTimeZone?: string; toTimeZone?: string; departureLocal: string; arrivalLocal: string; carrier: string | null; number: string | null;
    direction: string; bookingReference: string | null; bagsPerPerson: number; memberIds: string[];
  }): Promise<Resolved> {
    const from = resolvePlace(i.mode, i.from, i.fromTimeZone, 'from', 'fromTimeZone');
    const to = resolvePlace(i.mode, i.to, i.toTimeZone, 'to', 'toTimeZone');
    const dep = zonedTime(i.departureLocal, from.timeZone, 'departureLocal');
    const arr = zonedTime(i.arrivalLocal, to.timeZone, 'arrivalLocal');
    if (arr.at.getTime() <= dep.at.getTime()) {
      throw new DomainRuleError('TRAVEL.ARRIVAL_NOT_AFTER_DEPARTURE',
        `arrivalLocal: ${arr.local} ${arr.timeZone} (${arr.at.toISOString()}) is not after the departure ${dep.local} ${dep.timeZone} (${dep.at.toISOString()})`, 'arrivalLocal');
    }
    const current = new Set(((await tx.query(`SELECT id FROM lg_member WHERE delegation_id = $1 AND removed_at IS NULL`, [d.id])) as { id: string }[]).map((m) => m.id));
    const unknown = i.memberIds.filter((m) => !current.has(m));
    if (unknown.length) throw new DomainRuleError('TRAVEL.NOT_A_MEMBER', `memberIds: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a current member of the delegation`, 'memberIds');
    return {
      mode: i.mode, carrier: i.carrier, number: i.number, from: from.code, to: to.code, departureAt: dep.at.toISOString(), departureLocal: dep.local, departureTimeZone: dep.timeZone,
      arrivalAt: arr.at.toISOString(), arrivalLocal: arr.local, arrivalTimeZone: arr.timeZone, direction: i.direction, bookingReference: i.bookingReference,
      bagsPerPerson: i.bagsPerPerson, memberIds: [...i.memberIds].sort(),
    };
  }

  private async setMembers(tx: EntityManager, segmentId: string, memberIds: string[]): Promise<void> {
    await tx.query(`INSERT INTO travel_segment_member (segment_id, member_id) SELECT $1, unnest($2::uuid[])`, [segmentId, memberIds]);
  }

  private async load(tx: EntityManager, delegationId: string, segmentId: string): Promise<SegmentRow> {
    const [row] = (await tx.query(`${SELECT} WHERE s.id = $1 AND s.delegation_id = $2`, [segmentId, delegationId])) as SegmentRow[];
    if (!row) throw segmentNotFound(segmentId);
    return row;
  }

  /** Publishes the segment event (none for `segment.requested`) and tells the features, in the caller's transaction. */
  private async announce(tx: EntityManager, d: DelegationRecord, row: SegmentRow, cause: string, changed?: string[]): Promise<void> {
    const now = new Date();
    if (cause !== 'segment.requested') {
      const v = segmentView(row);
      const payload = {
        segmentId: v.id, delegationId: d.id, memberIds: v.memberIds, mode: v.mode, ...(v.carrier ? { carrier: v.carrier } : {}), ...(v.number ? { number: v.number } : {}),
        from: v.from.code, to: v.to.code, departureAt: v.departureAt, departureLocal: v.departureLocal, departureTimeZone: v.departureTimeZone, arrivalAt: v.arrivalAt,
        arrivalLocal: v.arrivalLocal, arrivalTimeZone: v.arrivalTimeZone, status: v.status, direction: v.direction, ...(changed ? { changed } : {}),
      };
      await this.outbox.append(tx, { type: cause, version: 1, aggregateId: d.id, organisationId: d.organisationId, occurredAt: now, payload } as AnyNewEvent);
    }
    await this.hooks.notify(tx, { delegationId: d.id, cause, at: now });
  }
}
