import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser, maySee } from '@twinning/platform-auth';
import { DomainRuleError, PeriodicJob } from '@twinning/platform-http';
import { AnyNewEvent, OutboxWriter } from '@twinning/platform-messaging';
import { dateOf } from '../domain/calendar';
import { HouseholdChange, HouseholdMemberSnapshot } from '../domain/household-change';
import { CheckResult, GateCheck, VettingEvaluation, VettingGate } from '../domain/vetting-gate';
import { ConfirmHouseholdReviewDto } from '../http/confirm-household-review.dto';
import { RecordCheckDto, RecordHomeVisitDto, RecordReferenceDto } from '../http/family.dto';
import { day, FamilyRow, loadFamily, MemberRow, membersOf, memberSnapshot } from './family-rows';
import { VettingSettings } from './vetting-settings';

interface CheckRow { id: string; member_id: string; result: CheckResult; checked_on: string; expires_on: string; reminder_sent_at: Date | null; recorded_by: string; created_at: Date }
interface VisitRow { id: string; visited_by: string; visited_on: string; present: string[]; notes: string | null; recorded_by: string; created_at: Date }
interface ReferenceRow { id: string; name: string; relation: string; contact: string; received_on: string; notes: string | null; recorded_by: string; created_at: Date }

interface ChangeRow {
  id: string; changed_by: string; changed_at: Date; changed_on: string; before: HouseholdMemberSnapshot[]; after: HouseholdMemberSnapshot[]; added: string[]; removed: string[];
  birth_date_changed: string[]; needs_review: boolean; reviewed_by: string | null; reviewed_at: Date | null; review_note: string | null;
}

interface VettingState { members: MemberRow[]; checks: CheckRow[]; visits: VisitRow[]; pending: ChangeRow[] }

/** Household changes shown with the vetting (newest first). */
const CHANGES_SHOWN = 20;
const CHANGE_COLUMNS = `id, changed_by, changed_at, to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS changed_on, before, after, added, removed, birth_date_changed,
  needs_review, reviewed_by, reviewed_at, review_note`;

export interface VettingRunResult { evaluated: number; lapsed: number; eligible: number; expiring: number }

/** Reasons that concern a check's result are shown to coordinators without it (README, sensitive fields). */
function redactedReasons(evaluation: VettingEvaluation, seesResults: boolean) {
  if (seesResults) return evaluation.reasons;
  return evaluation.reasons.map((r) => (r.code === 'CHECK_CONCERN' ? { code: 'CHECK_REVIEW_REQUIRED', message: 'a background check needs the review of a youth manager or an admin' } : r));
}

/**
 * Vetting of host families as a gate for minors: background checks per member, home visits and
 * references, the evaluation (VettingGate) for a day, and the daily job. The last computed
 * eligibility is stored on the family (`vetting_eligible`); `family.vetting-lapsed` /
 * `family.vetting-eligible` are published only when it changes, and `family.vetting-expiring`
 * once per check (`reminder_sent_at`), 30 days before its expiry. Each vetting write re-evaluates
 * the family at once, so the gate never waits for the job to open or close. A change of the household's
 * members is recorded (`household_change`: who, when, before / after); one that HouseholdChange says
 * needs review keeps the gate shut (HOUSEHOLD_REVIEW_PENDING) until a youth manager or an admin
 * confirms the household, and is published as `family.household-review-requested` so they hear of it.
 */
@Injectable()
export class VettingService implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly settings: VettingSettings) {
    this.job = new PeriodicJob('VettingJob', settings.jobIntervalMs, async () => {
      const r = await this.runVetting();
      return r.lapsed || r.eligible || r.expiring ? `vetting: ${r.evaluated} families, ${r.lapsed} lapsed, ${r.eligible} eligible, ${r.expiring} expiring` : undefined;
    });
  }

  onModuleInit(): void {
    this.job.start();
  }

  onModuleDestroy(): void {
    this.job.stop();
  }

  /** Re-evaluates every family for the calendar day of `now` (UTC), publishing each change once. */
  async runVetting(now: Date = new Date()): Promise<VettingRunResult> {
    const total: VettingRunResult = { evaluated: 0, lapsed: 0, eligible: 0, expiring: 0 };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = ((await this.dataSource.query('SELECT id FROM host_family WHERE id > $1 ORDER BY id LIMIT 200', [after])) as { id: string }[]).map((r) => r.id);
      if (ids.length === 0) return total;
      after = ids[ids.length - 1];
      for (const id of ids) {
        await this.dataSource.transaction(async (tx) => {
          // SKIP LOCKED: a family being written (or evaluated by another replica) is left to that transaction
          const rows = (await tx.query('SELECT id, organisation_id, vetting_eligible FROM host_family WHERE id = $1 FOR UPDATE SKIP LOCKED', [id])) as FamilyRow[];
          if (!rows[0]) return;
          const r = await this.reevaluate(tx, rows[0], now);
          total.evaluated += 1;
          if (r.changed && r.evaluation.eligible) total.eligible += 1;
          else if (r.changed) total.lapsed += 1;
          total.expiring += r.reminders;
        });
      }
    }
  }

  /** Evaluates one family (row locked by the caller) for the day of `now`; stores the result and appends the events of what changed. */
  async reevaluate(tx: EntityManager, family: Pick<FamilyRow, 'id' | 'organisation_id' | 'vetting_eligible'>, now: Date): Promise<{ evaluation: VettingEvaluation; changed: boolean; reminders: number }> {
    const on = dateOf(now);
    const state = await this.state(tx, family.id);
    const evaluation = gateOf(state).evaluate(on);
    const events: AnyNewEvent[] = [];
    const changed = evaluation.eligible !== family.vetting_eligible;
    const base = { aggregateId: family.id, organisationId: family.organisation_id, occurredAt: now };
    if (changed && evaluation.eligible) {
      events.push({ ...base, type: 'family.vetting-eligible', version: 1, payload: { familyId: family.id, evaluatedOn: on } });
    } else if (changed) {
      // codes only: a result (`concern`) never travels
      const reasons = evaluation.reasons.map((r) => (r.code === 'CHECK_CONCERN' ? { code: 'CHECK_REVIEW_REQUIRED' } : { code: r.code, ...(r.memberId ? { memberId: r.memberId } : {}) }));
      events.push({ ...base, type: 'family.vetting-lapsed', version: 1, payload: { familyId: family.id, evaluatedOn: on, reasons } });
    }
    const remind = evaluation.warnings.filter((w) => w.code === 'CHECK_EXPIRING' && w.checkId && !state.checks.find((c) => c.id === w.checkId)?.reminder_sent_at);
    for (const w of remind) {
      events.push({ ...base, type: 'family.vetting-expiring', version: 1, payload: { familyId: family.id, checkId: w.checkId!, memberId: w.memberId, expiresOn: w.on, evaluatedOn: on } });
    }
    if (remind.length) await tx.query('UPDATE background_check SET reminder_sent_at = $2 WHERE id = ANY ($1)', [remind.map((w) => w.checkId), now]);
    await tx.query('UPDATE host_family SET vetting_eligible = $2, vetting_evaluated_on = $3 WHERE id = $1', [family.id, evaluation.eligible, on]);
    if (events.length) await this.outbox.appendMany(tx, events);
    return { evaluation, changed, reminders: remind.length };
  }

  private async state(tx: EntityManager, familyId: string): Promise<VettingState> {
    const [members, checks, visits, pending] = await Promise.all([
      membersOf(tx, [familyId]),
      tx.query('SELECT id, member_id, result, checked_on::text AS checked_on, expires_on::text AS expires_on, reminder_sent_at, recorded_by, created_at FROM background_check WHERE family_id = $1 ORDER BY expires_on DESC, id', [familyId]) as Promise<CheckRow[]>,
      tx.query('SELECT id, visited_by, visited_on::text AS visited_on, present, notes, recorded_by, created_at FROM home_visit WHERE family_id = $1 ORDER BY visited_on DESC, id', [familyId]) as Promise<VisitRow[]>,
      tx.query(`SELECT ${CHANGE_COLUMNS} FROM household_change WHERE family_id = $1 AND needs_review AND reviewed_at IS NULL ORDER BY changed_at, id`, [familyId]) as Promise<ChangeRow[]>,
    ]);
    return { members, checks, visits, pending };
  }

  /** `GET /families/:familyId/vetting`: the gate today, with check results only for youth managers and admins. */
  async view(user: AuthenticatedUser, familyId: string, now = new Date(), tx: EntityManager = this.dataSource.manager) {
    const family = await loadFamily(tx, user, familyId);
    const state = await this.state(tx, family.id);
    const references = (await tx.query('SELECT id, name, relation, contact, received_on::text AS received_on, notes, recorded_by, created_at FROM family_reference WHERE family_id = $1 ORDER BY received_on DESC, id', [family.id])) as ReferenceRow[];
    const changes = (await tx.query(`SELECT ${CHANGE_COLUMNS} FROM household_change WHERE family_id = $1 ORDER BY changed_at DESC, id LIMIT ${CHANGES_SHOWN}`, [family.id])) as ChangeRow[];
    const evaluation = gateOf(state).evaluate(dateOf(now));
    const seesResults = maySee(user, 'owner', 'backgroundCheckResults');
    return {
      familyId: family.id,
      on: evaluation.on,
      eligibleForMinors: evaluation.eligible,
      reasons: redactedReasons(evaluation, seesResults),
      warnings: evaluation.warnings,
      members: state.members.map((m) => {
        const mv = evaluation.members.find((x) => x.memberId === m.id)!;
        return {
          memberId: m.id, name: m.name, dateOfBirth: day(m.date_of_birth), adult: mv.adult, checkStatus: mv.status, expiresOn: mv.expiresOn,
          ...(seesResults ? {
            backgroundChecks: state.checks.filter((c) => c.member_id === m.id).map((c) => ({ id: c.id, result: c.result, checkedOn: c.checked_on, expiresOn: c.expires_on, recordedBy: c.recorded_by, recordedAt: c.created_at })),
          } : {}),
        };
      }),
      homeVisits: state.visits.map((v) => ({ id: v.id, visitedBy: v.visited_by, visitedOn: v.visited_on, present: v.present, notes: v.notes, recordedBy: v.recorded_by, recordedAt: v.created_at })),
      references: references.map((r) => ({ id: r.id, name: r.name, relation: r.relation, contact: r.contact, receivedOn: r.received_on, notes: r.notes, recordedBy: r.recorded_by, recordedAt: r.created_at })),
      householdReview: {
        pending: state.pending.length > 0,
        /** What a reviewer confirms: the newest change waiting for review (POST .../household-review with it as lastChangeId). */
        lastPendingChangeId: state.pending.length ? state.pending[state.pending.length - 1].id : null,
        changes: changes.map((c) => ({
          id: c.id, changedBy: c.changed_by, changedAt: c.changed_at, before: c.before, after: c.after, added: c.added, removed: c.removed, birthDateChanged: c.birth_date_changed,
          needsReview: c.needs_review, reviewedBy: c.reviewed_by, reviewedAt: c.reviewed_at, reviewNote: c.review_note,
        })),
      },
      lastEvaluated: { eligibleForMinors: family.vetting_eligible, on: family.vetting_evaluated_on },
    };
  }

  /**
   * Records a change of the household's members made by `user` (in the caller's transaction, the family row locked);
   * when it needs review, publishes `family.household-review-requested`. The caller re-evaluates the gate afterwards.
   */
  async recordHouseholdChange(tx: EntityManager, user: AuthenticatedUser, family: Pick<FamilyRow, 'id' | 'organisation_id' | 'host_user_ids'>, before: MemberRow[], after: MemberRow[]): Promise<void> {
    const change = HouseholdChange.between(before.map(memberSnapshot), after.map(memberSnapshot));
    const needsReview = change.needsReviewBy(user.roles, family.host_user_ids.includes(user.userId));
    const id = randomUUID();
    const [{ changed_at: changedAt }] = (await tx.query(
      `INSERT INTO household_change (id, family_id, changed_by, before, after, added, removed, birth_date_changed, needs_review) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING changed_at`,
      [id, family.id, user.userId, JSON.stringify(change.before), JSON.stringify(change.after), change.added, change.removed, change.birthDateChanged, needsReview],
    )) as { changed_at: Date }[];
    if (!needsReview) return;
    await this.outbox.append(tx, {
      type: 'family.household-review-requested', version: 1, aggregateId: family.id, organisationId: family.organisation_id,
      payload: { familyId: family.id, changeId: id, changedByUserId: user.userId, changedAt: changedAt.toISOString(), added: change.added, removed: change.removed, birthDateChanged: change.birthDateChanged },
    });
  }

  /**
   * `POST /families/:familyId/household-review`: a youth manager or an admin confirms the household as it is now,
   * closing the pending changes up to `lastChangeId` (the newest one they saw; a change made after it stays pending,
   * so nobody confirms what they have not seen). A host of this family may not confirm their own household.
   */
  async confirmHousehold(user: AuthenticatedUser, familyId: string, input: ConfirmHouseholdReviewDto) {
    await this.dataSource.transaction(async (tx) => {
      const family = await loadFamily(tx, user, familyId, true);
      if (family.host_user_ids.includes(user.userId)) throw new DomainRuleError('FAMILY.REVIEW_OWN_HOUSEHOLD', 'a host of this family may not review its household');
      const { pending } = await this.state(tx, family.id);
      if (pending.length === 0) throw new DomainRuleError('FAMILY.NO_HOUSEHOLD_REVIEW_PENDING', 'no change of this household waits for review');
      const upTo = pending.findIndex((c) => c.id === input.lastChangeId);
      if (upTo < 0) throw new DomainRuleError('FAMILY.HOUSEHOLD_CHANGE_UNKNOWN', 'lastChangeId must be a change of this household waiting for review', 'lastChangeId');
      const ids = pending.slice(0, upTo + 1).map((c) => c.id);
      const now = new Date();
      await tx.query('UPDATE household_change SET reviewed_by = $2, reviewed_at = $3, review_note = $4 WHERE id = ANY ($1)', [ids, user.userId, now, input.note?.trim() || null]);
      await this.outbox.append(tx, {
        type: 'family.household-reviewed', version: 1, aggregateId: family.id, organisationId: family.organisation_id,
        payload: { familyId: family.id, changeIds: ids, reviewedByUserId: user.userId, reviewedAt: now.toISOString() },
      });
      await this.reevaluate(tx, family, now);
    });
    return this.view(user, familyId);
  }

  async recordCheck(user: AuthenticatedUser, familyId: string, input: RecordCheckDto) {
    if (input.expiresOn <= input.checkedOn) throw new DomainRuleError('VETTING.CHECK_EXPIRY_BEFORE_CHECK', 'expiresOn must be after checkedOn', 'expiresOn');
    await this.dataSource.transaction(async (tx) => {
      const family = await loadFamily(tx, user, familyId, true);
      const member = (await tx.query('SELECT id FROM household_member WHERE id = $1 AND family_id = $2', [input.memberId, family.id])) as { id: string }[];
      if (!member[0]) throw new DomainRuleError('VETTING.MEMBER_NOT_IN_FAMILY', 'memberId must be a member of this household', 'memberId');
      await tx.query('INSERT INTO background_check (id, family_id, member_id, result, checked_on, expires_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [randomUUID(), family.id, input.memberId, input.result, input.checkedOn, input.expiresOn, user.userId]);
      await this.reevaluate(tx, family, new Date());
    });
    return this.view(user, familyId);
  }

  async recordHomeVisit(user: AuthenticatedUser, familyId: string, input: RecordHomeVisitDto) {
    await this.dataSource.transaction(async (tx) => {
      const family = await loadFamily(tx, user, familyId, true);
      await tx.query('INSERT INTO home_visit (id, family_id, visited_by, visited_on, present, notes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [randomUUID(), family.id, input.visitedBy.trim(), input.visitedOn, input.present.map((p) => p.trim()), input.notes ?? null, user.userId]);
      await this.reevaluate(tx, family, new Date());
    });
    return this.view(user, familyId);
  }

  async recordReference(user: AuthenticatedUser, familyId: string, input: RecordReferenceDto) {
    await this.dataSource.transaction(async (tx) => {
      const family = await loadFamily(tx, user, familyId, true);
      await tx.query('INSERT INTO family_reference (id, family_id, name, relation, contact, received_on, notes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [randomUUID(), family.id, input.name.trim(), input.relation.trim(), input.contact.trim(), input.receivedOn, input.notes ?? null, user.userId]);
    });
    return this.view(user, familyId);
  }
}

function gateOf(s: VettingState): VettingGate {
  const checks: GateCheck[] = s.checks.map((c) => ({ id: c.id, memberId: c.member_id, result: c.result, checkedOn: c.checked_on, expiresOn: c.expires_on }));
  const pending = s.pending.length ? { since: s.pending[0].changed_on, changes: s.pending.length } : null;
  return new VettingGate(s.members.map((m) => ({ id: m.id, name: m.name, dateOfBirth: day(m.date_of_birth) })), checks, s.visits.map((v) => ({ id: v.id, visitedOn: v.visited_on })), pending);
}
