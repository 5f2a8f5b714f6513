import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationDeliveryFailedV1 } from '@twinning/contracts';
import { SealedSecretError, SecretOpener } from '@twinning/platform-auth';
import { PeriodicJob } from '@twinning/platform-http';
import { OutboxWriter } from '@twinning/platform-messaging';
import { errorLine, retryDelayMs } from '../domain/delivery-rules';
import { htmlWithLink, textWithLink } from '../domain/sealed-link';
import { DeliveryRow } from '../infrastructure/delivery-rows';
import { DeliverySettings } from './delivery-settings';
import { Mailer } from './mailer';

export interface SendSummary { sent: number; retried: number; failed: number }

/**
 * Sends the queued emails after their rows committed: every EMAIL_SEND_INTERVAL_MS it claims due rows
 * (`FOR UPDATE SKIP LOCKED`, so several instances never send the same row), sends each over SMTP and records the
 * outcome in the same transaction — `sent`; or one more attempt, the error and the next attempt after an exponential
 * backoff; or, at NOTIFY_MAX_ATTEMPTS, `failed` with a `notification.delivery-failed` event in the outbox.
 * A crash between the server's acceptance and the commit sends that one email again (same Message-ID).
 * A sealed link is opened only here, for the message being sent, and never written back; one that no longer opens
 * (the key was rotated or lost) fails the email at once, naming why, rather than sending a broken link.
 */
@Injectable()
export class EmailSender implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly outbox: OutboxWriter,
    private readonly settings: DeliverySettings,
    private readonly opener: SecretOpener,
  ) {
    this.job = new PeriodicJob('EmailSender', settings.sendIntervalMs, async () => {
      const s = await this.drain();
      return s.sent + s.retried + s.failed ? `emails: ${s.sent} sent, ${s.retried} to retry, ${s.failed} failed` : undefined;
    });
  }

  onModuleInit(): void {
    this.job.start();
  }

  onModuleDestroy(): void {
    this.job.stop();
  }

  /** Sends every email due now, batch after batch. */
  async drain(): Promise<SendSummary> {
    const total: SendSummary = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const s = await this.sendBatch();
      total.sent += s.sent; total.retried += s.retried; total.failed += s.failed;
      if (s.sent + s.retried + s.failed < this.settings.batchSize) return total;
    }
  }

  async sendBatch(): Promise<SendSummary> {
    return this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `SELECT * FROM delivery WHERE channel = 'email' AND status = 'queued' AND digest_day IS NULL AND next_attempt_at <= now()
         ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      )) as DeliveryRow[];
      const s: SendSummary = { sent: 0, retried: 0, failed: 0 };
      for (const row of rows) {
        let link: string | undefined;
        try {
          link = row.sealed_link ? await this.opener.open(row.sealed_link) : undefined;
        } catch (e) {
          if (!(e instanceof SealedSecretError)) throw e;
          await this.recordFailure(tx, row, `${e.code}: ${e.message}`, true);
          s.failed++;
          continue;
        }
        try {
          const text = link ? textWithLink(row.text, link) : row.text;
          const html = link ? htmlWithLink(row.html, link) : row.html;
          await this.mailer.send({ id: row.id, to: row.email_to!, subject: row.subject, text, html, locale: row.locale });
          await tx.query(`UPDATE delivery SET status = 'sent', attempts = attempts + 1, sent_at = now(), next_attempt_at = NULL WHERE id = $1`, [row.id]);
          s.sent++;
        } catch (e) {
          if ((await this.recordFailure(tx, row, errorLine(e))) === 'failed') s.failed++;
          else s.retried++;
        }
      }
      return s;
    });
  }

  private async recordFailure(tx: EntityManager, row: DeliveryRow, error: string, final = false): Promise<'retry' | 'failed'> {
    const attempts = row.attempts + 1;
    if (!final && attempts < this.settings.maxAttempts) {
      await tx.query(`UPDATE delivery SET attempts = $2, last_error = $3, next_attempt_at = now() + $4 * interval '1 millisecond' WHERE id = $1`,
        [row.id, attempts, error, retryDelayMs(this.settings.retryBaseMs, attempts)]);
      return 'retry';
    }
    await tx.query(`UPDATE delivery SET status = 'failed', attempts = $2, last_error = $3, next_attempt_at = NULL WHERE id = $1`, [row.id, attempts, error]);
    const payload: NotificationDeliveryFailedV1 = {
      deliveryId: row.id, sourceEventId: row.event_id, notificationType: row.type, channel: 'email', recipientUserId: row.recipient_user_id,
      ...(row.delegation_id ? { delegationId: row.delegation_id } : {}), ...(row.subject_id ? { subjectId: row.subject_id } : {}), attempts, lastError: error,
    };
    await this.outbox.append(tx, { type: 'notification.delivery-failed', version: 1, aggregateId: row.id, organisationId: row.organisation_id, payload });
    return 'failed';
  }
}
