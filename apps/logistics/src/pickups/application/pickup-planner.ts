import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { OutboxWriter } from '@twinning/platform-messaging';
import { DelegationRecord, loadMembers, loadPlacements } from '../../roster/infrastructure/roster-rows';
import { RosterHooks } from '../../roster/roster-hooks';
import { dropOffKey, dropOffOf, groupDropOffs } from '../domain/drop-offs';
import { arrivalsOf, changedFields, planPickups } from '../domain/pickup-plan';
import { loadArrivalSegments, loadHotelStays, loadRuns, loadSettings, replaceRunMembers, RunMemberRow, RunRow } from '../infrastructure/pickup-rows';

export interface ReplanOutcome {
  planned: string[];
  changed: string[];
  cancelled: string[];
}

export const localOf = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");

/**
 * Plans a delegation's airport pickups inside the caller's transaction (the caller holds the delegation's lock) and
 * publishes what changed: a run that keeps its members (same plan key) keeps its id, driver and seats and is updated
 * (pickup.changed naming the fields), a new run is inserted (pickup.planned), a run that disappeared is cancelled
 * (pickup.changed, changed ['status']). Then it tells the other features (hooks) with the causes it published.
 */
@Injectable()
export class PickupPlanner {
  constructor(private readonly outbox: OutboxWriter, private readonly hooks: RosterHooks) {}

  async replan(tx: EntityManager, d: DelegationRecord, ctx: { cause: string; at: Date; userId?: string | null }): Promise<ReplanOutcome> {
    const settings = await loadSettings(tx, d.id);
    const members = await loadMembers(tx, d);
    const byId = new Map(members.map((m) => [m.memberId, m]));
    const arrivals = arrivalsOf(await loadArrivalSegments(tx, d.id), new Set(byId.keys()));
    const plan = planPickups(arrivals, { windowMinutes: settings.windowMinutes, bufferMinutes: settings.bufferMinutes, seats: settings.seatsPerVehicle, luggage: settings.luggagePerVehicle });
    const placements = new Map((await loadPlacements(tx, d.id)).map((p) => [p.memberId, p]));
    const stays = await loadHotelStays(tx, d.id);
    const settingsHotel = settings.hotelName ? { name: settings.hotelName, address: settings.hotelAddress } : null;

    const existing = await loadRuns(tx, d.id, { lock: true });
    const byKey = new Map(existing.map((r) => [r.planKey, r]));
    const kept = new Set<string>();
    const outcome: ReplanOutcome = { planned: [], changed: [], cancelled: [] };
    const now = ctx.at;

    for (const run of plan.runs) {
      const rows: RunMemberRow[] = run.members.map((m) => {
        const landsLocal = localOf(m.landsAt, run.timeZone);
        const placement = placements.get(m.memberId);
        const dropOff = dropOffOf({
          lodgingNeed: byId.get(m.memberId)?.lodgingNeed ?? 'none', placement, hotelStays: stays.filter((s) => s.memberId === m.memberId), settingsHotel,
        }, landsLocal.slice(0, 10));
        return { memberId: m.memberId, segmentId: m.segmentId, landsAt: m.landsAt, landsLocal, landsTimeZone: run.timeZone, waitMinutes: m.waitMinutes, bags: m.bags, dropOff };
      });
      const meetingLocal = localOf(run.meetingAt, run.timeZone);
      const old = byKey.get(run.planKey);
      if (old) {
        kept.add(old.id);
        const changed = changedFields(
          { meetingAt: old.meetingAt, timeZone: old.timeZone, members: old.members.map((m) => ({ ...m, dropOff: dropOffKey(m.dropOff) })) },
          { meetingAt: run.meetingAt, timeZone: run.timeZone, members: rows.map((m) => ({ ...m, dropOff: dropOffKey(m.dropOff) })) },
        );
        if (old.luggageCapacity !== settings.luggagePerVehicle) changed.push('luggageCapacity');
        if (!changed.length) continue;
        await tx.query(
          `UPDATE pickup_run SET meeting_at = $2, meeting_local = $3, time_zone = $4, luggage_capacity = $5, max_wait_minutes = $6, updated_at = $7, version = version + 1 WHERE id = $1`,
          [old.id, run.meetingAt, meetingLocal, run.timeZone, settings.luggagePerVehicle, run.maxWaitMinutes, now],
        );
        await replaceRunMembers(tx, old.id, rows);
        const updated = { ...old, meetingAt: run.meetingAt, meetingLocal, timeZone: run.timeZone, luggageCapacity: settings.luggagePerVehicle, maxWaitMinutes: run.maxWaitMinutes, members: rows };
        await this.publish(tx, d, updated, now, changed);
        outcome.changed.push(old.id);
      } else {
        const id = randomUUID();
        await tx.query(
          `INSERT INTO pickup_run (id, delegation_id, airport, meeting_at, meeting_local, time_zone, seats, luggage_capacity, extra_adults, max_wait_minutes, status, plan_key, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, 'planned', $10, $11, $11)`,
          [id, d.id, run.airport, run.meetingAt, meetingLocal, run.timeZone, settings.seatsPerVehicle, settings.luggagePerVehicle, run.maxWaitMinutes, run.planKey, now],
        );
        await replaceRunMembers(tx, id, rows);
        await this.publish(tx, d, {
          id, delegationId: d.id, airport: run.airport, meetingAt: run.meetingAt, meetingLocal, timeZone: run.timeZone, seats: settings.seatsPerVehicle,
          luggageCapacity: settings.luggagePerVehicle, driverKind: null, driverName: null, extraAdults: 0, maxWaitMinutes: run.maxWaitMinutes, status: 'planned', planKey: run.planKey,
          version: 1, createdAt: now, updatedAt: now, members: rows,
        }, now);
        outcome.planned.push(id);
      }
    }
    for (const old of existing) {
      if (kept.has(old.id)) continue;
      await tx.query(`UPDATE pickup_run SET status = 'cancelled', updated_at = $2, version = version + 1 WHERE id = $1`, [old.id, now]);
      await this.publish(tx, d, old, now, ['status']);
      outcome.cancelled.push(old.id);
    }
    await tx.query(
      `INSERT INTO pickup_plan (delegation_id, planned_at, planned_by, last_cause, total_wait_minutes) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (delegation_id) DO UPDATE SET planned_at = EXCLUDED.planned_at, planned_by = EXCLUDED.planned_by, last_cause = EXCLUDED.last_cause, total_wait_minutes = EXCLUDED.total_wait_minutes`,
      [d.id, now, ctx.userId ?? null, ctx.cause, plan.totalWaitMinutes],
    );
    if (outcome.changed.length || outcome.cancelled.length) await this.hooks.notify(tx, { delegationId: d.id, cause: 'pickup.changed', at: now });
    if (outcome.planned.length) await this.hooks.notify(tx, { delegationId: d.id, cause: 'pickup.planned', at: now });
    return outcome;
  }

  /** pickup.planned (no `changed`) or pickup.changed for a run as it now stands. */
  async publish(tx: EntityManager, d: DelegationRecord, run: RunRow, at: Date, changed?: string[]): Promise<void> {
    const payload = {
      runId: run.id, delegationId: d.id, airport: run.airport, meetingAt: run.meetingAt.toISOString(), meetingLocal: run.meetingLocal, timeZone: run.timeZone,
      memberIds: run.members.map((m) => m.memberId), seats: run.seats,
      ...(run.driverKind ? { driverKind: run.driverKind } : {}), ...(run.driverName ? { driverName: run.driverName } : {}),
      dropOffs: groupDropOffs(run.members).map((g) => ({ kind: g.kind, label: g.label, ...(g.address ? { address: g.address } : {}), memberIds: g.memberIds })),
      maxWaitMinutes: run.maxWaitMinutes,
    };
    if (changed) {
      await this.outbox.append(tx, { type: 'pickup.changed', version: 1, aggregateId: d.id, organisationId: d.organisationId, occurredAt: at, payload: { ...payload, changed } });
    } else {
      await this.outbox.append(tx, { type: 'pickup.planned', version: 1, aggregateId: d.id, organisationId: d.organisationId, occurredAt: at, payload });
    }
  }
}
