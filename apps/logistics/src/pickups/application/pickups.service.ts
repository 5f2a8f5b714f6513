import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DomainRuleError } from '@twinning/platform-http';
import { DelegationRecord, loadDelegation, loadDelegationById, loadMembers, lockDelegation, MemberRecord } from '../../roster/infrastructure/roster-rows';
import { RosterChange, RosterHooks } from '../../roster/roster-hooks';
import { groupDropOffs } from '../domain/drop-offs';
import { checkMinors, DriverKind, SafeguardingCheck } from '../domain/pickup-plan';
import { PickupSheet, SheetRow } from '../domain/pickup-sheet';
import { loadRuns, loadSettings, PickupSettings, planExists, RunRow, saveSettings, segmentInfo } from '../infrastructure/pickup-rows';
import { PickupSettingsDto, UpdateRunDto } from '../http/pickups.dto';
import { PickupPlanner } from './pickup-planner';

/** The changes that re-plan a delegation's pickups once it has a plan. */
export const REPLAN_CAUSES = new Set([
  'segment.requested', 'segment.booked', 'segment.changed', 'segment.cancelled', 'placement.confirmed', 'placement.released', 'lodging.assigned', 'lodging.removed',
  'member.updated', 'member.removed', 'participant.updated', 'delegation.updated',
]);

const name = (m: MemberRecord | undefined) => (m && (m.givenName || m.familyName) ? `${m.givenName ?? ''} ${m.familyName ?? ''}`.trim() : 'unknown');

/**
 * Airport pickups of a delegation: settings, planning (by a coordinator, then automatically on every travel, placement
 * or lodging change), the runs with their waiting report and safeguarding check, driver assignment, the pickup sheet.
 */
@Injectable()
export class PickupsService implements OnModuleInit {
  constructor(private readonly dataSource: DataSource, private readonly planner: PickupPlanner, private readonly hooks: RosterHooks) {}

  onModuleInit(): void {
    this.hooks.register('pickups', (tx, change) => this.onChange(tx, change));
  }

  /** Re-plans in the transaction of the change, only once the delegation has a plan (the coordinator's first POST plan). */
  async onChange(tx: EntityManager, change: RosterChange): Promise<void> {
    if (!REPLAN_CAUSES.has(change.cause)) return;
    if (!(await planExists(tx, change.delegationId))) return;
    const d = await loadDelegationById(tx, change.delegationId);
    if (!d) return;
    await lockDelegation(tx, d.id);
    await this.planner.replan(tx, d, { cause: change.cause, at: change.at });
  }

  async settings(user: AuthenticatedUser, delegationId: string): Promise<PickupSettings> {
    await loadDelegation(this.dataSource.manager, user, delegationId);
    return loadSettings(this.dataSource.manager, delegationId);
  }

  async updateSettings(user: AuthenticatedUser, delegationId: string, dto: PickupSettingsDto): Promise<PickupSettings> {
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      const cur = await loadSettings(tx, d.id);
      const next: PickupSettings = {
        windowMinutes: dto.windowMinutes ?? cur.windowMinutes,
        bufferMinutes: dto.bufferMinutes ?? cur.bufferMinutes,
        seatsPerVehicle: dto.seatsPerVehicle ?? cur.seatsPerVehicle,
        luggagePerVehicle: dto.luggagePerVehicle ?? cur.luggagePerVehicle,
        minorsRule: dto.minorsRule ?? cur.minorsRule,
        hotelName: dto.hotelName !== undefined ? dto.hotelName || null : cur.hotelName,
        hotelAddress: dto.hotelAddress !== undefined ? dto.hotelAddress || null : cur.hotelAddress,
      };
      await saveSettings(tx, d.id, next, user.userId);
      if (await planExists(tx, d.id)) await this.planner.replan(tx, d, { cause: 'pickup.settings-changed', at: new Date(), userId: user.userId });
      return next;
    });
  }

  async plan(user: AuthenticatedUser, delegationId: string) {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      if (d.status === 'cancelled') throw new DomainRuleError('PICKUP.DELEGATION_CANCELLED', 'the delegation is cancelled; there is nothing to pick up');
      return this.planner.replan(tx, d, { cause: 'pickup.plan', at: new Date(), userId: user.userId });
    });
    return { ...outcome, ...(await this.view(this.dataSource.manager, user, delegationId)) };
  }

  async runs(user: AuthenticatedUser, delegationId: string, includeCancelled = false) {
    return this.view(this.dataSource.manager, user, delegationId, includeCancelled);
  }

  async updateRun(user: AuthenticatedUser, delegationId: string, runId: string, dto: UpdateRunDto) {
    await this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      const [run] = await loadRuns(tx, d.id, { all: true, runId, lock: true });
      if (!run) throw new NotFoundException({ statusCode: 404, code: 'PICKUP.RUN_NOT_FOUND', message: `pickup run ${runId} not found` });
      if (run.status === 'cancelled') throw new DomainRuleError('PICKUP.RUN_CANCELLED', 'the run was cancelled by a re-plan; assign the driver on a planned run');
      const next = {
        driverKind: dto.driverKind !== undefined ? (dto.driverKind as DriverKind | null) : run.driverKind,
        driverName: dto.driverName !== undefined ? dto.driverName || null : run.driverName,
        extraAdults: dto.extraAdults ?? run.extraAdults,
        seats: dto.seats ?? run.seats,
      };
      if (next.seats < run.members.length) {
        throw new DomainRuleError('PICKUP.SEATS_TOO_FEW', `the run carries ${run.members.length} member(s); a vehicle with ${next.seats} seat(s) cannot take them`, undefined, { members: run.members.length });
      }
      if (next.driverKind) {
        const settings = await loadSettings(tx, d.id);
        const check = this.safeguarding(run, next, settings, await this.membersById(tx, d));
        if (!check.ok) throw new DomainRuleError('PICKUP.MINORS_RULE', check.message!, undefined, { rule: check.rule, adults: check.adults });
      }
      const changed = (['driverKind', 'driverName', 'extraAdults', 'seats'] as const).filter((k) => next[k] !== run[k]);
      if (!changed.length) return;
      const now = new Date();
      await tx.query(`UPDATE pickup_run SET driver_kind = $2, driver_name = $3, extra_adults = $4, seats = $5, updated_at = $6, version = version + 1 WHERE id = $1`,
        [run.id, next.driverKind, next.driverName, next.extraAdults, next.seats, now]);
      await this.planner.publish(tx, d, { ...run, ...next }, now, [...changed]);
      await this.hooks.notify(tx, { delegationId: d.id, cause: 'pickup.changed', at: now });
    });
    const view = await this.view(this.dataSource.manager, user, delegationId, true);
    return view.runs.find((r) => r.id === runId)!;
  }

  /** The pickup sheet: one row per member, by meeting time. */
  async sheet(user: AuthenticatedUser, delegationId: string): Promise<PickupSheet> {
    const tx = this.dataSource.manager;
    const view = await this.view(tx, user, delegationId);
    const segments = await segmentInfo(tx, view.runs.flatMap((r) => r.members.map((m) => m.segmentId)));
    const rows: SheetRow[] = [];
    view.runs.forEach((r, i) => {
      for (const m of r.members) {
        const s = segments.get(m.segmentId);
        rows.push({
          run: i + 1, runId: r.id, airport: r.airport, meetingLocal: r.meetingLocal, timeZone: r.timeZone, driver: r.driverName ?? r.driverKind ?? 'to assign', seats: r.seats,
          member: m.name, minor: m.minor, flight: s ? [s.carrier, s.number].filter(Boolean).join(' ') || '-' : '-', from: s?.fromCode ?? '-', landsLocal: m.landsLocal,
          waitMinutes: m.waitMinutes, dropOff: m.dropOff.label, dropOffAddress: m.dropOff.address ?? '', safeguarding: r.safeguarding.ok ? 'ok' : r.safeguarding.message ?? 'check',
        });
      }
    });
    return { delegationTitle: view.delegationTitle, rows };
  }

  private async membersById(tx: EntityManager, d: DelegationRecord): Promise<Map<string, MemberRecord>> {
    return new Map((await loadMembers(tx, d)).map((m) => [m.memberId, m]));
  }

  private safeguarding(run: RunRow, crew: { driverKind: DriverKind | null; extraAdults: number }, settings: PickupSettings, members: Map<string, MemberRecord>): SafeguardingCheck {
    // a member unknown to the read model counts as a minor (the safe side)
    const minors = run.members.filter((m) => members.get(m.memberId)?.minor ?? true).length;
    return checkMinors(settings.minorsRule, { driverKind: crew.driverKind, extraAdults: crew.extraAdults, minors, adultMembers: run.members.length - minors });
  }

  private async view(tx: EntityManager, user: AuthenticatedUser, delegationId: string, includeCancelled = false) {
    const d = await loadDelegation(tx, user, delegationId);
    const settings = await loadSettings(tx, d.id);
    const members = await this.membersById(tx, d);
    const [plan] = (await tx.query(`SELECT planned_at AS "plannedAt", last_cause AS "lastCause" FROM pickup_plan WHERE delegation_id = $1`, [d.id])) as { plannedAt: Date; lastCause: string }[];
    const rows = await loadRuns(tx, d.id, { all: includeCancelled });
    const runs = rows.map((r) => {
      const safeguarding = this.safeguarding(r, r, settings, members);
      const bags = r.members.reduce((b, m) => b + m.bags, 0);
      return {
        id: r.id, airport: r.airport, status: r.status, meetingAt: r.meetingAt.toISOString(), meetingLocal: r.meetingLocal, timeZone: r.timeZone,
        seats: r.seats, luggageCapacity: r.luggageCapacity, bags, overCapacity: r.members.length > r.seats || bags > r.luggageCapacity,
        driverKind: r.driverKind, driverName: r.driverName, extraAdults: r.extraAdults, maxWaitMinutes: r.maxWaitMinutes, safeguarding, version: r.version,
        members: r.members.map((m) => ({
          memberId: m.memberId, name: name(members.get(m.memberId)), minor: members.get(m.memberId)?.minor ?? true, segmentId: m.segmentId, landsAt: m.landsAt.toISOString(),
          landsLocal: m.landsLocal ?? '', waitMinutes: m.waitMinutes, bags: m.bags, dropOff: m.dropOff,
        })),
        dropOffs: groupDropOffs(r.members),
      };
    });
    const planned = runs.filter((r) => r.status === 'planned');
    const waiting = planned.flatMap((r) => r.members.map((m) => ({
      memberId: m.memberId, name: m.name, airport: r.airport, runId: r.id, landsLocal: m.landsLocal, meetingLocal: r.meetingLocal, timeZone: r.timeZone, waitMinutes: m.waitMinutes,
    }))).sort((a, b) => b.waitMinutes - a.waitMinutes || a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId));
    const picked = new Set(waiting.map((w) => w.memberId));
    const issues = planned.flatMap((r) => [
      ...(r.safeguarding.ok ? [] : [{ kind: 'MINOR_WITHOUT_ADULT_IN_RUN', runId: r.id, message: r.safeguarding.message! }]),
      ...(r.overCapacity ? [{ kind: 'PICKUP_OVER_CAPACITY', runId: r.id, message: `${r.members.length} member(s) with ${r.bags} bag(s) for ${r.seats} seat(s) and room for ${r.luggageCapacity} bag(s)` }] : []),
    ]);
    return {
      delegationId: d.id, delegationTitle: d.title, hasPlan: !!plan, plannedAt: plan?.plannedAt.toISOString() ?? null, lastCause: plan?.lastCause ?? null, settings,
      runs, totalWaitMinutes: waiting.reduce((t, w) => t + w.waitMinutes, 0), waiting, issues,
      notPickedUp: [...members.values()].filter((m) => !picked.has(m.memberId)).map((m) => ({ memberId: m.memberId, name: name(m), reason: 'no booked or requested arrival flight' })),
    };
  }
}
