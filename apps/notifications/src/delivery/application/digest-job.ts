import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PeriodicJob } from '@twinning/platform-http';
import { NotificationRenderer } from '../../templates/notification-renderer';
import { NOTIFICATION_TYPES } from '../../notification-types';
import { chooseLocale, digestDue, distinctLines } from '../domain/delivery-rules';
import { DeliveryRow } from '../infrastructure/delivery-rows';
import { RecipientDirectory } from '../recipient-directory';
import { DeliverySettings } from './delivery-settings';

/**
 * Folds waiting emails, every DIGEST_INTERVAL_MS, in one transaction per group (rows claimed `FOR UPDATE SKIP LOCKED`,
 * so a row is folded once):
 * - problems (foldable types: raised conflicts) per (person, delegation) once their window (PROBLEM_FOLD_WINDOW_MS
 *   from the first) has closed: a single one is released as it is; several become one `problems-folded` email listing
 *   each problem once;
 * - a person's digestible emails (offer reminders, vetting expiring) of one UTC day, DIGEST_DELAY_MS after the first
 *   of them or once the day is over: a single one is released as it is; several become one `digest` email — which
 *   also lists the problems then waiting for that person, whatever their window, so they are not sent apart.
 * The new email is queued and sent by the sender with its retries; the folded rows become `digested` (pointing at
 * it). In-app notices are never folded. Safety types never wait here (see planChannels).
 */
@Injectable()
export class DigestJob implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(private readonly dataSource: DataSource, private readonly renderer: NotificationRenderer, private readonly directory: RecipientDirectory, private readonly settings: DeliverySettings) {
    this.job = new PeriodicJob('DigestJob', settings.digestIntervalMs, async () => {
      const s = await this.runOnce();
      return s.digests + s.released + s.problems ? `digests: ${s.digests} folded, ${s.problems} problem windows folded, ${s.released} single emails released` : undefined;
    });
  }

  onModuleInit(): void {
    this.job.start();
  }

  onModuleDestroy(): void {
    this.job.stop();
  }

  async runOnce(now = new Date()): Promise<{ digests: number; released: number; problems: number }> {
    const groups = (await this.dataSource.query(
      `SELECT recipient_user_id, to_char(digest_day, 'YYYY-MM-DD') AS day, min(created_at) AS first_at FROM delivery
       WHERE channel = 'email' AND status = 'queued' AND digest_day IS NOT NULL AND fold_until IS NULL GROUP BY recipient_user_id, digest_day`,
    )) as { recipient_user_id: string; day: string; first_at: Date }[];
    const out = { digests: 0, released: 0, problems: 0 };
    const count = (r: 'digest' | 'released' | 'problems' | 'none') => {
      if (r === 'digest') out.digests++;
      if (r === 'released') out.released++;
      if (r === 'problems') out.problems++;
    };
    for (const g of groups.filter((x) => digestDue(x.day, new Date(x.first_at), now, this.settings.digestDelayMs))) count(await this.fold(g.recipient_user_id, g.day));
    const windows = (await this.dataSource.query(
      `SELECT recipient_user_id, delegation_id FROM delivery WHERE channel = 'email' AND status = 'queued' AND fold_until IS NOT NULL
       GROUP BY recipient_user_id, delegation_id HAVING min(fold_until) <= $1`,
      [now],
    )) as { recipient_user_id: string; delegation_id: string }[];
    for (const w of windows) count(await this.foldProblems(w.recipient_user_id, w.delegation_id));
    return out;
  }

  /** The problems of one (person, delegation) window: one released as it is, several listed in one email. */
  private foldProblems(userId: string, delegationId: string): Promise<'problems' | 'released' | 'none'> {
    return this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `SELECT * FROM delivery WHERE channel = 'email' AND status = 'queued' AND fold_until IS NOT NULL AND recipient_user_id = $1 AND delegation_id = $2
         ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
        [userId, delegationId],
      )) as DeliveryRow[];
      if (rows.length === 0) return 'none';
      const lines = distinctLines(rows.map((r) => ({ item: r.fold_item, summary: r.summary ?? r.subject, url: r.link ?? '' })));
      if (lines.length === 1) {
        // one problem (perhaps raised twice): its first email goes as it is and stands for the others
        await tx.query(`UPDATE delivery SET digest_day = NULL, fold_until = NULL, next_attempt_at = now() WHERE id = $1`, [rows[0].id]);
        const rest = rows.slice(1).map((r) => r.id);
        if (rest.length) await tx.query(`UPDATE delivery SET status = 'digested', digest_id = $2, next_attempt_at = NULL WHERE id = ANY($1::uuid[])`, [rest, rows[0].id]);
        return 'released';
      }
      const recipient = await this.directory.find(tx, userId);
      const delegation = (await tx.query(`SELECT title FROM rcp_delegation WHERE delegation_id = $1`, [delegationId])) as { title: string }[];
      const m = this.renderer.render('problems-folded', chooseLocale(recipient), {
        recipientName: recipient?.name ?? undefined, delegationTitle: delegation[0]?.title ?? '', count: lines.length,
        items: lines.map((l) => ({ summary: l.summary, url: l.url })), logisticsUrl: lines[0].url,
      }, null);
      await this.insertFolded(tx, rows, 'problems-folded', userId, recipient?.email ?? null, m);
      return 'problems';
    });
  }

  private fold(userId: string, day: string): Promise<'digest' | 'released' | 'none'> {
    return this.dataSource.transaction(async (tx) => {
      // the day's digestible emails, and every problem then waiting for the person (its window need not have closed)
      const rows = (await tx.query(
        `SELECT * FROM delivery WHERE channel = 'email' AND status = 'queued' AND recipient_user_id = $1 AND (digest_day = $2 AND fold_until IS NULL OR fold_until IS NOT NULL)
         ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
        [userId, day],
      )) as DeliveryRow[];
      if (rows.length === 0) return 'none';
      if (rows.length === 1) {
        await tx.query(`UPDATE delivery SET digest_day = NULL, fold_until = NULL, next_attempt_at = now() WHERE id = $1`, [rows[0].id]);
        return 'released';
      }
      const recipient = await this.directory.find(tx, userId);
      const listed = distinctLines(rows.map((r) => ({ item: r.fold_until !== null ? r.fold_item : null, row: r }))).map((l) => l.row);
      // a problem's line is what it says (all of them share one subject); any other email's is its subject
      const items = listed.map((r) => ({ type: r.type, title: r.fold_until !== null ? r.summary ?? r.subject : r.subject, dueAt: r.due_at ? r.due_at.toISOString() : null, url: r.link ?? '' }));
      const m = this.renderer.render('digest', chooseLocale(recipient), { recipientName: recipient?.name ?? undefined, count: items.length, day, items }, null);
      await this.insertFolded(tx, rows, 'digest', userId, recipient?.email ?? rows[rows.length - 1].email_to, m);
      return 'digest';
    });
  }

  /** The one email that stands for `rows` (queued, sent like any email), and the rows `digested` pointing at it. */
  private async insertFolded(tx: EntityManager, rows: DeliveryRow[], type: 'digest' | 'problems-folded', userId: string, emailTo: string | null,
    m: { locale: string; subject: string; text: string; html: string }): Promise<void> {
    const id = randomUUID();
    const orgs = [...new Set(rows.map((r) => r.organisation_id))];
    const delegations = [...new Set(rows.map((r) => r.delegation_id))];
    await tx.query(
      `INSERT INTO delivery (id, event_id, recipient_user_id, channel, type, category, organisation_id, delegation_id, locale, subject, text, html, email_to,
         status, next_attempt_at, created_at)
       VALUES ($1, $1, $2, 'email', $10, $11, $3, $4, $5, $6, $7, $8, $9, 'queued', now(), now())`,
      [id, userId, orgs.length === 1 ? orgs[0] : null, delegations.length === 1 ? delegations[0] : null, m.locale, m.subject, m.text, m.html,
        emailTo ?? rows[rows.length - 1].email_to, type, NOTIFICATION_TYPES[type].category],
    );
    await tx.query(`UPDATE delivery SET status = 'digested', digest_id = $2, next_attempt_at = NULL WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), id]);
  }
}
