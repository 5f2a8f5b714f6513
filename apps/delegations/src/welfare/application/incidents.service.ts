import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser, hasAnyRole } from '@twinning/platform-auth';
import { PeriodicJob } from '@twinning/platform-http';
import { OutboxWriter } from '@twinning/platform-messaging';
import { reportDueAt, reportedWithinDeadline } from '../domain/escalation-clock';
import { ListIncidentsDto, OpenIncidentDto, ReportIncidentDto } from '../http/welfare.dto';
import { assertMembers, assertNotInTheFuture, ownedDelegation } from './owned-delegation';
import { WelfareSettings } from './welfare-settings';

interface IncidentRow {
  id: string; organisation_id: string; delegation_id: string; type: string; severity: string; description: string; participant_ids: string[];
  occurred_at: Date; opened_at: Date; report_due_at: Date | null; reported_at: Date | null; reported_to: string | null; escalated_at: Date | null;
  overdue_raised_at: Date | null; status: string; opened_by: string;
}

/** Who may read an incident's description: the safeguarding leads (youth managers) and admins. Coordinators open and list incidents without it. */
export const SEES_INCIDENT_DESCRIPTION = ['youth-manager', 'admin'] as const;

function view(user: AuthenticatedUser, r: IncidentRow, now = new Date()) {
  return {
    id: r.id, organisationId: r.organisation_id, delegationId: r.delegation_id, type: r.type, severity: r.severity,
    ...(hasAnyRole(user, SEES_INCIDENT_DESCRIPTION) ? { description: r.description } : {}),
    participantIds: r.participant_ids, occurredAt: r.occurred_at, openedAt: r.opened_at, openedBy: r.opened_by, status: r.status,
    reportDueAt: r.report_due_at, reportedAt: r.reported_at, reportedTo: r.reported_to, overdueRaisedAt: r.overdue_raised_at,
    overdue: r.report_due_at !== null && r.reported_at === null && r.report_due_at.getTime() < now.getTime(),
  };
}

function notFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'INCIDENT.NOT_FOUND', message: `incident ${id} not found` });
}

function conflict(code: string, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, code, message: [message], fields: [] });
}

/**
 * Safeguarding incidents and their escalation clock. The escalation job (`runEscalation`) runs every
 * INCIDENT_ESCALATION_INTERVAL_MS and can be called directly with a `now` (tests): each incident past
 * its report deadline and not reported raises `incident.escalation-overdue` exactly once
 * (overdue_raised_at is set in the same transaction, rows locked with SKIP LOCKED so concurrent
 * runs or replicas never raise twice).
 */
@Injectable()
export class IncidentsService implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly settings: WelfareSettings) {
    this.job = new PeriodicJob('IncidentEscalation', settings.escalationIntervalMs, async () => {
      const raised = await this.runEscalation();
      return raised ? `raised ${raised} overdue incident escalation(s)` : undefined;
    });
  }

  onModuleInit(): void {
    this.job.start();
  }

  onModuleDestroy(): void {
    this.job.stop();
  }

  /** Raises `incident.escalation-overdue` for every incident overdue at `now`; returns how many. */
  async runEscalation(now: Date = new Date()): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const due = (await tx.query(
        `SELECT * FROM incident WHERE report_due_at < $1 AND reported_at IS NULL AND overdue_raised_at IS NULL AND status <> 'closed'
          ORDER BY report_due_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
        [now],
      )) as IncidentRow[];
      for (const i of due) {
        await tx.query(`UPDATE incident SET overdue_raised_at = $2, escalated_at = coalesce(escalated_at, $2) WHERE id = $1`, [i.id, now]);
        await this.outbox.append(tx, {
          type: 'incident.escalation-overdue', version: 1, aggregateId: i.id, organisationId: i.organisation_id,
          payload: { incidentId: i.id, delegationId: i.delegation_id, type: i.type, severity: i.severity, openedAt: i.opened_at.toISOString(), reportDueAt: i.report_due_at!.toISOString(), raisedAt: now.toISOString() },
        });
      }
      return due.length;
    });
  }

  async open(user: AuthenticatedUser, dto: OpenIncidentDto) {
    const id = randomUUID();
    const openedAt = new Date();
    const due = reportDueAt(dto.type, dto.severity, openedAt);
    const participantIds = [...new Set(dto.participantIds)];
    assertNotInTheFuture(new Date(dto.occurredAt), 'occurredAt');
    const row = await this.dataSource.transaction(async (tx) => {
      const d = await ownedDelegation(tx, user.organisationId, dto.delegationId);
      await assertMembers(tx, dto.delegationId, participantIds, 'participantIds');
      const [r] = (await tx.query(
        `INSERT INTO incident (id, organisation_id, delegation_id, type, severity, description, participant_ids, occurred_at, opened_at, report_due_at, opened_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [id, d.organisation_id, dto.delegationId, dto.type, dto.severity, dto.description, participantIds, new Date(dto.occurredAt), openedAt, due, user.userId],
      )) as IncidentRow[];
      await this.outbox.append(tx, {
        type: 'incident.opened', version: 1, aggregateId: id, organisationId: d.organisation_id,
        payload: {
          incidentId: id, delegationId: dto.delegationId, type: dto.type, severity: dto.severity, participantIds, occurredAt: new Date(dto.occurredAt).toISOString(),
          openedAt: openedAt.toISOString(), reportDueAt: due ? due.toISOString() : null, openedByUserId: user.userId,
        },
      });
      return r;
    });
    return view(user, row);
  }

  async list(user: AuthenticatedUser, q: ListIncidentsDto) {
    const where = ['organisation_id = $1'];
    const params: unknown[] = [user.organisationId];
    const add = (col: string, v: unknown) => { params.push(v); where.push(`${col} = $${params.length}`); };
    if (q.delegationId) add('delegation_id', q.delegationId);
    if (q.status) add('status', q.status);
    if (q.type) add('type', q.type);
    if (q.severity) add('severity', q.severity);
    if (q.overdue === 'true') where.push(`report_due_at < now() AND reported_at IS NULL`);
    if (q.overdue === 'false') where.push(`NOT (report_due_at IS NOT NULL AND report_due_at < now() AND reported_at IS NULL)`);
    const order = { openedAt: 'opened_at ASC', '-openedAt': 'opened_at DESC', reportDueAt: 'report_due_at ASC NULLS LAST' }[q.sort];
    const whereSql = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM incident WHERE ${whereSql}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(`SELECT * FROM incident WHERE ${whereSql} ORDER BY ${order}, id LIMIT ${q.limit} OFFSET ${q.offset}`, params)) as IncidentRow[];
    return { items: rows.map((r) => view(user, r)), total, limit: q.limit, offset: q.offset };
  }

  async report(user: AuthenticatedUser, id: string, dto: ReportIncidentDto) {
    const reportedAt = dto.reportedAt ? new Date(dto.reportedAt) : new Date();
    assertNotInTheFuture(reportedAt, 'reportedAt');
    const row = await this.dataSource.transaction(async (tx) => {
      const [i] = (await tx.query(`SELECT * FROM incident WHERE id = $1 AND organisation_id = $2 FOR UPDATE`, [id, user.organisationId])) as IncidentRow[];
      if (!i) throw notFound(id);
      if (i.status !== 'open') throw conflict('INCIDENT.NOT_OPEN', `incident is ${i.status}: only an open incident can be marked reported`);
      const [r] = (await tx.query(`UPDATE incident SET reported_at = $2, reported_to = $3, status = 'reported' WHERE id = $1 RETURNING *`, [id, reportedAt, dto.reportedTo])) as IncidentRow[];
      await this.outbox.append(tx, {
        type: 'incident.reported', version: 1, aggregateId: id, organisationId: i.organisation_id,
        payload: { incidentId: id, delegationId: i.delegation_id, reportedTo: dto.reportedTo, reportedAt: reportedAt.toISOString(), withinDeadline: reportedWithinDeadline(i.report_due_at, reportedAt), reportedByUserId: user.userId },
      });
      return r;
    });
    return view(user, row);
  }

  async close(user: AuthenticatedUser, id: string) {
    const row = await this.dataSource.transaction(async (tx) => {
      const [i] = (await tx.query(`SELECT * FROM incident WHERE id = $1 AND organisation_id = $2 FOR UPDATE`, [id, user.organisationId])) as IncidentRow[];
      if (!i) throw notFound(id);
      if (i.status === 'closed') throw conflict('INCIDENT.ALREADY_CLOSED', 'incident is already closed');
      if (i.report_due_at && !i.reported_at) throw conflict('INCIDENT.REPORT_REQUIRED', 'an incident with an escalation clock must be marked reported before it is closed');
      const [r] = (await tx.query(`UPDATE incident SET status = 'closed' WHERE id = $1 RETURNING *`, [id])) as IncidentRow[];
      await this.outbox.append(tx, {
        type: 'incident.closed', version: 1, aggregateId: id, organisationId: i.organisation_id,
        payload: { incidentId: id, delegationId: i.delegation_id, closedAt: new Date().toISOString(), closedByUserId: user.userId },
      });
      return r;
    });
    return view(user, row);
  }
}
