import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SealedSecretError, SecretOpener } from '@twinning/platform-auth';
import { UnprocessableEventError } from '@twinning/platform-messaging';
import { NOTIFICATION_TYPES, NotificationType } from '../../notification-types';
import { loadOptOuts } from '../../preferences/infrastructure/preference-rows';
import { NotificationRenderer } from '../../templates/notification-renderer';
import { chooseLocale, digestFieldsOf, planChannels } from '../domain/delivery-rules';
import { carriesSealedLink } from '../domain/sealed-link';
import { NotificationRequest, NotificationSink } from '../notification-request';
import { RecipientDirectory } from '../recipient-directory';
import { DeliverySettings } from './delivery-settings';

/**
 * Records a notification inside the consumer's transaction: renders it once in the recipient's language, then
 * inserts one delivery row per channel with `ON CONFLICT DO NOTHING` on (event, recipient, channel) — so an event
 * handled twice records (and sends) nothing more. Emails are `queued` and sent after commit by the EmailSender;
 * digestible ones wait for the DigestJob, and so do foldable ones (problems) until their window closes; in-app notices
 * are in the feed at once; opted-out ones are `skipped`.
 * A sealed link (a bearer secret) is checked to open with this service's key now, so a wrong key dead-letters the
 * event instead of queueing an email that cannot be sent, and is stored only sealed.
 */
@Injectable()
export class DeliveryService extends NotificationSink {
  constructor(
    private readonly renderer: NotificationRenderer,
    private readonly directory: RecipientDirectory,
    private readonly opener: SecretOpener,
    private readonly settings: DeliverySettings,
  ) {
    super();
  }

  async enqueue(tx: EntityManager, request: NotificationRequest): Promise<void> {
    const info = NOTIFICATION_TYPES[request.type];
    if (!info) throw new Error(`DELIVERY.UNKNOWN_TYPE: ${String(request.type)}`);
    if (request.sealedLink !== undefined) await this.assertOpens(request);
    const recipient = await this.directory.find(tx, request.recipientUserId);
    const optOuts = await loadOptOuts(tx, request.recipientUserId);
    const plans = planChannels(request.type, request.channels ?? ['email', 'in-app'], optOuts, recipient?.email ?? null);
    const rendered = this.renderer.render(request.type, chooseLocale(recipient), { recipientName: recipient?.name ?? undefined, ...request.data }, request.timeZone ?? null);
    if (request.sealedLink !== undefined && !(carriesSealedLink(rendered.text) && carriesSealedLink(rendered.html))) {
      throw new Error(`DELIVERY.SEALED_LINK_NOT_IN_TEMPLATE: the ${request.type} template (${rendered.locale}) does not show the sealed link`);
    }
    const { link, dueAt } = digestFieldsOf(request.data);
    for (const p of plans) {
      const folded = p.fold && request.delegationId ? 1 : 0;
      // A folded email joins the window its recipient's first pending problem of this delegation opened (even one that
      // closed moments ago and is not folded yet: it then goes out with them), or opens one; it waits like a digestible one (digest_day set: the sender leaves it) until the digest job folds the window.
      await tx.query(
        `INSERT INTO delivery (id, event_id, recipient_user_id, channel, type, category, organisation_id, delegation_id, subject_id, locale, subject, text, html,
           email_to, link, due_at, status, last_error, next_attempt_at, digest_day, created_at, sent_at, sealed_link, fold_until, fold_item, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $18, $19, $15, $16,
           CASE WHEN $15 = 'queued' THEN now() END, CASE WHEN $17 OR $21 = 1 THEN (now() AT TIME ZONE 'UTC')::date END, now(), CASE WHEN $15 = 'sent' THEN now() END, $20,
           CASE WHEN $21 = 1 THEN COALESCE(
             (SELECT min(fold_until) FROM delivery WHERE recipient_user_id = $3 AND delegation_id = $8 AND channel = 'email' AND status = 'queued'
                AND fold_until IS NOT NULL),
             now() + $22 * interval '1 millisecond') END,
           $23, $24)
         ON CONFLICT (event_id, recipient_user_id, channel) DO NOTHING`,
        [
          randomUUID(), request.eventId, request.recipientUserId, p.channel, request.type, info.category, request.organisationId, request.delegationId ?? null,
          request.subjectId ?? null, rendered.locale, rendered.subject, rendered.text, rendered.html, p.channel === 'email' ? recipient?.email ?? null : null,
          p.status, p.reason, p.digest, link, dueAt, request.sealedLink ?? null, folded, this.settings.problemFoldWindowMs, request.fold?.item ?? null,
          request.fold?.summary ?? null,
        ],
      );
    }
  }

  async withdrawFolded(tx: EntityManager, type: NotificationType, item: string, reason: string): Promise<number> {
    const rows = (await tx.query(
      `UPDATE delivery SET status = 'skipped', last_error = $3, next_attempt_at = NULL, digest_day = NULL, fold_until = NULL
       WHERE channel = 'email' AND status = 'queued' AND fold_until IS NOT NULL AND type = $1 AND fold_item = $2 RETURNING id`,
      [type, item, reason],
    )) as [unknown[], number];
    return rows[1];
  }

  private async assertOpens(request: NotificationRequest): Promise<void> {
    if ((request.channels ?? ['email', 'in-app']).some((c) => c !== 'email')) throw new Error(`DELIVERY.SEALED_LINK_EMAIL_ONLY: ${request.type} asks for a sealed link on another channel`);
    try {
      await this.opener.open(request.sealedLink!);
    } catch (e) {
      if (e instanceof SealedSecretError) throw new UnprocessableEventError(e.code, `${request.type}: ${e.message}`);
      throw e;
    }
  }
}
