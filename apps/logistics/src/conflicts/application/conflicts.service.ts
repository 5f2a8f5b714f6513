import { randomUUID } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictRaisedV1, ConflictResolvedV1 } from '@twinning/contracts';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { loadActivities, loadDelegation, loadDelegationById, loadMembers, loadPlacements, lockDelegation } from '../../roster/infrastructure/roster-rows';
import { RosterChange, RosterHooks } from '../../roster/roster-hooks';
import { computeConflicts, diffConflicts } from '../domain/conflicts';
import { loadHotelStays, loadMinorsRule, loadRuns, loadSegments } from '../infrastructure/conflict-rows';

export class ConflictSettings {
  constructor(readonly passportValidityMonths: number) {}
}

interface ConflictRow {
  id: string; key: string; kind: string; member_id: string | null; run_id: string | null; message: string; raised_at: Date; resolved_at: Date | null;
}

const MAX_MESSAGE = 500;
const clip = (m: string) => (m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE - 1)}…` : m);

/**
 * Recomputes a delegation's conflicts after EVERY change the hooks report (events from the other services applied
 * by the roster consumer, and changes the travel, lodging and pickup features make), in that same transaction and
 * under the delegation's lock: a key that appears is stored and `conflict.raised` published once; a key that
 * disappears is marked resolved and `conflict.resolved` published once; a conflict that appears again later is a
 * new one (new id, new raise). It never notifies the hooks itself (no loops). It registers at application bootstrap,
 * after the features' listeners (registered at module init), so it sees a pickup re-plan made for the same change.
 */
@Injectable()
export class ConflictsService implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly hooks: RosterHooks, private readonly settings: ConflictSettings) {}

  onApplicationBootstrap(): void {
    this.hooks.register('conflicts', (tx, change) => this.recompute(tx, change));
  }

  async recompute(tx: EntityManager, change: RosterChange): Promise<void> {
    await lockDelegation(tx, change.delegationId);
    const d = await loadDelegationById(tx, change.delegationId);
    if (!d) return;
    const [members, activities, placements, hotelStays, segments, runs, minorsRule] = [
      await loadMembers(tx, d), await loadActivities(tx, d.id), await loadPlacements(tx, d.id), await loadHotelStays(tx, d.id), await loadSegments(tx, d.id),
      await loadRuns(tx, d.id), await loadMinorsRule(tx, d.id),
    ];
    const current = computeConflicts(
      { delegation: d, members, activities, placements, hotelStays, segments, runs },
      { passportValidityMonths: this.settings.passportValidityMonths, minorsRule },
    ).map((c) => ({ ...c, message: clip(c.message) }));
    const open = (await tx.query(`SELECT id, key, kind, member_id, run_id, message FROM conflict WHERE delegation_id = $1 AND resolved_at IS NULL`, [d.id])) as ConflictRow[];
    const { raise, resolve, reword } = diffConflicts(open, current);
    for (const c of raise) {
      const id = randomUUID();
      await tx.query(`INSERT INTO conflict (id, delegation_id, key, kind, member_id, run_id, message, raised_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, d.id, c.key, c.kind, c.memberId ?? null, c.runId ?? null, c.message, change.at]);
      const payload: ConflictRaisedV1 = { conflictId: id, delegationId: d.id, kind: c.kind, key: c.key, message: c.message, ...(c.memberId ? { memberId: c.memberId } : {}), ...(c.runId ? { runId: c.runId } : {}) };
      await this.outbox.append(tx, { type: 'conflict.raised', version: 1, aggregateId: d.id, organisationId: d.organisationId, occurredAt: change.at, payload });
    }
    for (const o of resolve) {
      const row = open.find((x) => x.id === o.id)!;
      await tx.query(`UPDATE conflict SET resolved_at = $2 WHERE id = $1`, [row.id, change.at]);
      const payload: ConflictResolvedV1 = {
        conflictId: row.id, delegationId: d.id, kind: row.kind, key: row.key, message: row.message, ...(row.member_id ? { memberId: row.member_id } : {}), ...(row.run_id ? { runId: row.run_id } : {}),
      };
      await this.outbox.append(tx, { type: 'conflict.resolved', version: 1, aggregateId: d.id, organisationId: d.organisationId, occurredAt: change.at, payload });
    }
    for (const r of reword) await tx.query(`UPDATE conflict SET message = $2 WHERE id = $1`, [r.id, r.message]);
  }

  /** The delegation's conflicts (open by default), newest first; 404 unless the caller's organisation owns it or it is shared with it. */
  async list(user: AuthenticatedUser, delegationId: string, status: 'open' | 'resolved' | 'all') {
    const d = await loadDelegation(this.dataSource.manager, user, delegationId);
    const filter = status === 'open' ? 'AND resolved_at IS NULL' : status === 'resolved' ? 'AND resolved_at IS NOT NULL' : '';
    const rows = (await this.dataSource.query(
      `SELECT id, key, kind, member_id, run_id, message, raised_at, resolved_at FROM conflict WHERE delegation_id = $1 ${filter} ORDER BY raised_at DESC, key, id`, [d.id],
    )) as ConflictRow[];
    return {
      delegationId: d.id,
      status,
      items: rows.map((r) => ({
        id: r.id, kind: r.kind, key: r.key, memberId: r.member_id, runId: r.run_id, message: r.message, status: r.resolved_at ? 'resolved' : 'open', raisedAt: r.raised_at, resolvedAt: r.resolved_at,
      })),
    };
  }
}
