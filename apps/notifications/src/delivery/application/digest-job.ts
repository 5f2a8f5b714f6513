import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicJob } from '@twinning/platform-http';
import { NotificationRenderer } from '../../templates/notification-renderer';
import { chooseLocale, digestDue } from '../domain/delivery-rules';
import { DeliveryRow } from '../infrastructure/delivery-rows';
import { RecipientDirectory } from '../recipient-directory';
import { DeliverySettings } from './delivery-settings';

/**
 * Folds a person's digestible emails (offer reminders, vetting expiring) of one UTC day into one `digest` email.
 * Every DIGEST_INTERVAL_MS it looks for the groups (person, day) that are due — DIGEST_DELAY_MS after the first of
 * them, or once the day is over — and, per group: a single email is released as it is (the sender sends it); several
 * become one new `digest` delivery (queued, sent by the sender with its retries) listing them, and the rows become
 * `digested` (pointing at it). In-app notices are never folded.
 */
@Injectable()
export class DigestJob implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(private readonly dataSource: DataSource, private readonly renderer: NotificationRenderer, private readonly directory: RecipientDirectory, private readonly settings: DeliverySettings) {
    this.job = new PeriodicJob('DigestJob', settings.digestIntervalMs, async () => {
      const s = await this.runOnce();
      return s.digests + s.released ? `digests: ${s.digests} folded, ${s.released} single emails released` : undefined;
    });
  }

  onModuleInit(): void {
    this.job.start();
  }

  onModuleDestroy(): void {
    this.job.stop();
  }

  async runOnce(now = new Date()): Promise<{ digests: number; released: number }> {
    const groups = (await this.dataSource.query(
      `SELECT recipient_user_id, to_char(digest_day, 'YYYY-MM-DD') AS day, min(created_at) AS first_at FROM delivery
       WHERE channel = 'email' AND status = 'queued' AND digest_day IS NOT NULL GROUP BY recipient_user_id, digest_day`,
    )) as { recipient_user_id: string; day: string; first_at: Date }[];
    const out = { digests: 0, released: 0 };
    for (const g of groups.filter((x) => digestDue(x.day, new Date(x.first_at), now, this.settings.digestDelayMs))) {
      const r = await this.fold(g.recipient_user_id, g.day);
      if (r === 'digest') out.digests++;
      if (r === 'released') out.released++;
    }
    return out;
  }

  private fold(userId: string, day: string): Promise<'digest' | 'released' | 'none'> {
    return this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `SELECT * FROM delivery WHERE channel = 'email' AND status = 'queued' AND recipient_user_id = $1 AND digest_day = $2
         ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
        [userId, day],
      )) as DeliveryRow[];
      if (rows.length === 0) return 'none';
      if (rows.length === 1) {
        await tx.query(`UPDATE delivery SET digest_day = NULL, next_attempt_at = now() WHERE id = $1`, [rows[0].id]);
        return 'released';
      }
      const recipient = await this.directory.find(tx, userId);
      const items = rows.map((r) => ({ type: r.type, title: r.subject, dueAt: r.due_at ? r.due_at.toISOString() : null, url: r.link ?? '' }));
      const m = this.renderer.render('digest', chooseLocale(recipient), { recipientName: recipient?.name ?? undefined, count: rows.length, day, items }, null);
      const id = randomUUID();
      const orgs = [...new Set(rows.map((r) => r.organisation_id))];
      const delegations = [...new Set(rows.map((r) => r.delegation_id))];
      await tx.query(
        `INSERT INTO delivery (id, event_id, recipient_user_id, channel, type, category, organisation_id, delegation_id, locale, subject, text, html, email_to,
           status, next_attempt_at, created_at)
         VALUES ($1, $1, $2, 'email', 'digest', 'digest', $3, $4, $5, $6, $7, $8, $9, 'queued', now(), now())`,
        [id, userId, orgs.length === 1 ? orgs[0] : null, delegations.length === 1 ? delegations[0] : null, m.locale, m.subject, m.text, m.html,
          recipient?.email ?? rows[rows.length - 1].email_to],
      );
      await tx.query(`UPDATE delivery SET status = 'digested', digest_id = $2, next_attempt_at = NULL WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), id]);
      return 'digest';
    });
  }
}
