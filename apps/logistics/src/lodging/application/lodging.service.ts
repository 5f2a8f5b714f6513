import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DomainRuleError } from '@twinning/platform-http';
import { OutboxWriter } from '@twinning/platform-messaging';
import { DelegationRecord, loadDelegation, loadDelegationById, loadMembers, loadPlacements, lockDelegation } from '../../roster/infrastructure/roster-rows';
import { RosterChange, RosterHooks } from '../../roster/roster-hooks';
import { nightByNight, Stay } from '../domain/nights';
import { CreateHotelStayDto, ListHotelStaysDto, UpdateHotelStayDto } from '../http/lodging.dto';

interface StayRow {
  id: string; delegation_id: string; member_id: string; hotel: string; address: string | null; room: string | null; check_in: string; check_out: string;
  created_by: string | null; created_at: Date; updated_at: Date; version: number;
}

const SELECT = `SELECT id, delegation_id, member_id, hotel, address, room, check_in::text AS check_in, check_out::text AS check_out, created_by, created_at, updated_at, version FROM hotel_stay`;

const view = (r: StayRow) => ({
  id: r.id, delegationId: r.delegation_id, memberId: r.member_id, hotel: r.hotel, address: r.address, room: r.room, checkIn: r.check_in, checkOut: r.check_out,
  nights: Math.round(DateTime.fromISO(r.check_out, { zone: 'utc' }).diff(DateTime.fromISO(r.check_in, { zone: 'utc' }), 'days').days),
  version: r.version, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
});

export function stayNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'HOTEL_STAY.NOT_FOUND', message: `hotel stay ${id} not found` });
}

function validDate(value: string, field: string): void {
  if (!DateTime.fromISO(value, { zone: 'utc' }).isValid) throw new DomainRuleError('LODGING.INVALID_DATE', `${field}: ${value} is not a calendar date`, field);
}

/**
 * Lodging of a delegation (issue #6 item 4): hotel stays recorded here, homestays from the confirmed placements the
 * roster receives, and the night-by-night view of where every member sleeps with its gaps. A hotel stay recorded or
 * changed, and each confirmed placement (once), publishes `lodging.assigned` and tells the features; removing a hotel
 * stay tells them with cause `lodging.removed` (no event in the contract for it).
 */
@Injectable()
export class LodgingService implements OnModuleInit {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly hooks: RosterHooks) {}

  onModuleInit(): void {
    this.hooks.register('lodging.homestay', (tx, change) => (change.cause === 'placement.confirmed' ? this.announceHomestays(tx, change) : Promise.resolve()));
  }

  /** Publishes `lodging.assigned` (homestay) once for every confirmed placement of the delegation not announced yet. */
  async announceHomestays(tx: EntityManager, change: RosterChange): Promise<void> {
    const d = await loadDelegationById(tx, change.delegationId);
    if (!d) return; // announced when the delegation is known and a placement is confirmed again
    await lockDelegation(tx, d.id);
    const placements = await loadPlacements(tx, d.id);
    const done = new Set(((await tx.query(`SELECT offer_id FROM lodging_homestay_announced WHERE delegation_id = $1`, [d.id])) as { offer_id: string }[]).map((r) => r.offer_id));
    let any = false;
    for (const p of placements.filter((x) => !done.has(x.offerId)).sort((a, b) => a.offerId.localeCompare(b.offerId))) {
      await tx.query(`INSERT INTO lodging_homestay_announced (offer_id, delegation_id, member_id, announced_at) VALUES ($1, $2, $3, $4)`, [p.offerId, d.id, p.memberId, change.at]);
      await this.outbox.append(tx, {
        type: 'lodging.assigned', version: 1, aggregateId: d.id, organisationId: d.organisationId, occurredAt: change.at,
        payload: { delegationId: d.id, memberId: p.memberId, kind: 'homestay', place: p.familyName, checkIn: p.stayFrom, checkOut: p.stayTo, familyId: p.familyId },
      });
      any = true;
    }
    if (any) await this.hooks.notify(tx, { delegationId: d.id, cause: 'lodging.assigned', at: change.at });
  }

  async list(user: AuthenticatedUser, delegationId: string, q: ListHotelStaysDto) {
    return this.dataSource.transaction(async (tx) => {
      await loadDelegation(tx, user, delegationId);
      const params: unknown[] = [delegationId];
      const rows = (await tx.query(`${SELECT} WHERE delegation_id = $1 ${q.memberId ? `AND member_id = $${params.push(q.memberId)}` : ''} ORDER BY check_in, hotel, room, id`,
        params)) as StayRow[];
      return { items: rows.map(view), total: rows.length };
    });
  }

  async create(user: AuthenticatedUser, delegationId: string, dto: CreateHotelStayDto) {
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      await this.check(tx, d, { memberId: dto.memberId, checkIn: dto.checkIn, checkOut: dto.checkOut });
      const id = randomUUID();
      await tx.query(`INSERT INTO hotel_stay (id, delegation_id, member_id, hotel, address, room, check_in, check_out, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, d.id, dto.memberId, dto.hotel, dto.address ?? null, dto.room ?? null, dto.checkIn, dto.checkOut, user.userId ?? null]);
      const row = await this.load(tx, d.id, id);
      await this.assigned(tx, d, row);
      return view(row);
    });
  }

  async update(user: AuthenticatedUser, delegationId: string, stayId: string, dto: UpdateHotelStayDto) {
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      const row = await this.load(tx, d.id, stayId);
      if (dto.version !== undefined && dto.version !== row.version) {
        throw new DomainRuleError('HOTEL_STAY.VERSION_CONFLICT', `hotel stay ${stayId} is at version ${row.version}, not ${dto.version}`, undefined, { version: row.version });
      }
      const next = { hotel: dto.hotel ?? row.hotel, address: dto.address !== undefined ? dto.address : row.address, room: dto.room !== undefined ? dto.room : row.room,
        checkIn: dto.checkIn ?? row.check_in, checkOut: dto.checkOut ?? row.check_out };
      if (next.hotel === row.hotel && next.address === row.address && next.room === row.room && next.checkIn === row.check_in && next.checkOut === row.check_out) return view(row);
      await this.check(tx, d, { memberId: row.member_id, checkIn: next.checkIn, checkOut: next.checkOut, exceptId: row.id, memberMayBeRemoved: true });
      await tx.query(`UPDATE hotel_stay SET hotel = $2, address = $3, room = $4, check_in = $5, check_out = $6, updated_at = now(), version = version + 1 WHERE id = $1`,
        [row.id, next.hotel, next.address, next.room, next.checkIn, next.checkOut]);
      const after = await this.load(tx, d.id, row.id);
      await this.assigned(tx, d, after);
      return view(after);
    });
  }

  /** Idempotent: removing a stay that is not there (any more) answers 204 too. */
  async remove(user: AuthenticatedUser, delegationId: string, stayId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      const deleted = (await tx.query(`DELETE FROM hotel_stay WHERE id = $1 AND delegation_id = $2 RETURNING id`, [stayId, d.id])) as unknown[];
      const rows = Array.isArray(deleted[0]) ? (deleted[0] as unknown[]) : deleted;
      if (rows.length) await this.hooks.notify(tx, { delegationId: d.id, cause: 'lodging.removed', at: new Date() });
    });
  }

  async nights(user: AuthenticatedUser, delegationId: string) {
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      const members = (await loadMembers(tx, d)).map((m) => ({
        memberId: m.memberId, lodgingNeed: m.lodgingNeed, name: [m.givenName, m.familyName].filter(Boolean).join(' ') || `member ${m.memberId}`,
      }));
      const stays: Stay[] = ((await tx.query(`${SELECT} WHERE delegation_id = $1`, [d.id])) as StayRow[]).map((r) => ({
        memberId: r.member_id, kind: 'hotel', place: r.hotel, room: r.room, address: r.address, from: r.check_in, to: r.check_out, ref: r.id,
      }));
      for (const p of await loadPlacements(tx, d.id)) {
        stays.push({ memberId: p.memberId, kind: 'homestay', place: p.familyName, room: null, address: p.address, from: p.stayFrom, to: p.stayTo, ref: p.offerId });
      }
      return nightByNight({ id: d.id, startDate: d.startDate, endDate: d.endDate }, members, stays);
    });
  }

  private async check(tx: EntityManager, d: DelegationRecord, s: { memberId: string; checkIn: string; checkOut: string; exceptId?: string; memberMayBeRemoved?: boolean }) {
    validDate(s.checkIn, 'checkIn');
    validDate(s.checkOut, 'checkOut');
    if (s.checkOut <= s.checkIn) throw new DomainRuleError('LODGING.CHECK_OUT_NOT_AFTER_CHECK_IN', `checkOut: ${s.checkOut} is not after checkIn ${s.checkIn}`, 'checkOut');
    if (!s.memberMayBeRemoved) {
      const [m] = (await tx.query(`SELECT 1 FROM lg_member WHERE id = $1 AND delegation_id = $2 AND removed_at IS NULL`, [s.memberId, d.id])) as unknown[];
      if (!m) throw new DomainRuleError('LODGING.NOT_A_MEMBER', `memberId: ${s.memberId} is not a current member of the delegation`, 'memberId');
    }
    const [overlap] = (await tx.query(
      `SELECT id, hotel, check_in::text AS check_in, check_out::text AS check_out FROM hotel_stay
       WHERE delegation_id = $1 AND member_id = $2 AND id <> COALESCE($5::uuid, '00000000-0000-0000-0000-000000000000') AND check_in < $4::date AND $3::date < check_out`,
      [d.id, s.memberId, s.checkIn, s.checkOut, s.exceptId ?? null],
    )) as { id: string; hotel: string; check_in: string; check_out: string }[];
    if (overlap) {
      throw new DomainRuleError('LODGING.STAY_OVERLAPS', `the member already has a hotel stay at ${overlap.hotel} from ${overlap.check_in} to ${overlap.check_out}`, undefined,
        { stayId: overlap.id });
    }
  }

  private async load(tx: EntityManager, delegationId: string, id: string): Promise<StayRow> {
    const [row] = (await tx.query(`${SELECT} WHERE id = $1 AND delegation_id = $2`, [id, delegationId])) as StayRow[];
    if (!row) throw stayNotFound(id);
    return row;
  }

  private async assigned(tx: EntityManager, d: DelegationRecord, r: StayRow): Promise<void> {
    const at = new Date();
    await this.outbox.append(tx, {
      type: 'lodging.assigned', version: 1, aggregateId: d.id, organisationId: d.organisationId, occurredAt: at,
      payload: { delegationId: d.id, memberId: r.member_id, kind: 'hotel', place: r.hotel, ...(r.room ? { room: r.room } : {}), checkIn: r.check_in, checkOut: r.check_out },
    });
    await this.hooks.notify(tx, { delegationId: d.id, cause: 'lodging.assigned', at });
  }
}
