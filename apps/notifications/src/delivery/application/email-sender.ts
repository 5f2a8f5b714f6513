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

type Outcome = keyof SendSummary;

/**
 * Sends the queued emails after their rows committed, one at a time: every EMAIL_SEND_INTERVAL_MS it claims the next
 * due row (`FOR UPDATE SKIP LOCKED`: another instance skips it while it is claimed), sends it over SMTP and records
 * the outcome in that same short transaction — `sent`; or one more attempt, the error and the next attempt after an
 * exponential backoff; or, at NOTIFY_MAX_ATTEMPTS, `failed` with a `notification.delivery-failed` event in the outbox —
 * then commits before it claims the next. A crash or database failure between the server's acceptance and that commit
 * therefore leaves exactly one accepted email unrecorded, which is sent again with the same Message-ID; the ones before
 * it are already recorded and the ones after it not yet sent. Holding a transaction over the SMTP exchange is the price
 * of that bound; the claim lasts as long as the sender's session, and EMAIL_CLAIM_LEASE_MS caps it for a sender that
 * hangs, after which PostgreSQL ends that session and another instance may send the email.
 * A sealed link is opened only here, for the message being sent, and never written back; one that no longer opens
 * (the key was rotated or lost) fails the email at once, naming why, rather than sending a broken link.
 */
@Injectable()
export class EmailSender implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;
  private stopping = false;

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
    this.stopping = true;
    this.job.stop();
  }

  /** Sends every email due now, one after the other (a shutdown stops it between two emails). */
  async drain(): Promise<SendSummary> {
    const total: SendSummary = { sent: 0, retried: 0, failed: 0 };
    while (!this.stopping) {
      const outcome = await this.sendNext();
      if (!outcome) break;
      total[outcome]++;
    }
    return total;
  }

  /** Claims the next due email, sends it and records the outcome in one transaction; null when none is due. */
  async sendNext(): Promise<Outcome | null> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT set_config('idle_in_transaction_session_timeout', $1, true)`, [String(this.settings.claimLeaseMs)]);
      const [row] = (await tx.query(
        `SELECT * FROM delivery WHERE channel = 'email' AND status = 'queued' AND digest_day IS NULL AND next_attempt_at <= now()
         ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      )) as DeliveryRow[];
      if (!row) return null;
      let link: string | undefined;
      try {
        link = row.sealed_link ? await this.opener.open(row.sealed_link) : undefined;
      } catch (e) {
        if (!(e instanceof SealedSecretError)) throw e;
        await this.recordFailure(tx, row, `${e.code}: ${e.message}`, true);
        return 'failed';
      }
      try {
        const text = link ? textWithLink(row.text, link) : row.text;
        const html = link ? htmlWithLink(row.html, link) : row.html;
        await this.mailer.send({ id: row.id, to: row.email_to!, subject: row.subject, text, html, locale: row.locale });
      } catch (e) {
        return (await this.recordFailure(tx, row, errorLine(e))) === 'failed' ? 'failed' : 'retried';
      }
      await tx.query(`UPDATE delivery SET status = 'sent', attempts = attempts + 1, sent_at = now(), next_attempt_at = NULL WHERE id = $1`, [row.id]);
      return 'sent';
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
