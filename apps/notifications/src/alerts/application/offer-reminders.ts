import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicJob } from '@twinning/platform-http';
import { RecipientQueries } from '../../recipients/application/recipient-queries';
import { jobEventId } from '../../recipients/domain/invitee-id';
import { greetingName } from '../domain/recipients';
import { AlertWriter } from './alert-writer';
import { AlertsSettings } from './alerts-settings';

/** How long before an open offer's deadline its hosts are reminded. */
export const REMINDER_LEAD_MS = 24 * 3600 * 1000;

/**
 * The offer-reminder job: every open offer whose deadline is less than 24 h away (and not past) gets ONE reminder to
 * its hosts. The offer is marked reminded in the same transaction as the reminders are asked for, rows are claimed with
 * SKIP LOCKED (two instances never remind twice), and the reminder's event id is a UUID v5 of the offer id, so even a
 * replay would be deduplicated by delivery's (event, recipient, channel) key. An offer answered, expired or withdrawn
 * (tracked from the offer events) is no longer open.
 */
@Injectable()
export class OfferReminders implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(private readonly dataSource: DataSource, private readonly writer: AlertWriter, private readonly q: RecipientQueries, settings: AlertsSettings) {
    this.job = new PeriodicJob('offer-reminders', settings.reminderIntervalMs, async () => {
      const n = await this.remindDue(new Date());
      return n ? `${n} offer reminder(s) sent` : undefined;
    });
  }

  onModuleInit(): void {
    this.job.start();
  }

  onModuleDestroy(): void {
    this.job.stop();
  }

  /** Reminds the hosts of every open offer due for its reminder at `now`; answers how many offers were reminded. */
  async remindDue(now: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const due = (await tx.query(
        `SELECT offer_id, delegation_id, participant_id, organisation_id, host_user_ids, guest_given_name, deadline_at FROM alert_offer
         WHERE status = 'open' AND reminder_sent_at IS NULL AND deadline_at > $1 AND deadline_at <= $2
         ORDER BY deadline_at LIMIT 200 FOR UPDATE SKIP LOCKED`,
        [now, new Date(now.getTime() + REMINDER_LEAD_MS)],
      )) as { offer_id: string; delegation_id: string; participant_id: string; organisation_id: string | null; host_user_ids: string[]; guest_given_name: string; deadline_at: Date }[];
      for (const o of due) {
        const d = await this.q.delegation(tx, o.delegation_id);
        const hosts = await this.q.people(tx, o.host_user_ids);
        await this.writer.toEach(tx, 'offer-reminder', hosts, {
          eventId: jobEventId('offer-reminder', o.offer_id), organisationId: o.organisation_id, delegationId: o.delegation_id, subjectId: o.participant_id,
          timeZone: d?.hostTimeZone ?? (await this.q.organisationTimeZone(tx, o.organisation_id)),
        }, (h) => ({ hostName: greetingName(h), guestName: o.guest_given_name, delegationTitle: d?.title ?? '', deadline: new Date(o.deadline_at).toISOString(),
          offerUrl: this.writer.link(`/offers/${o.offer_id}`) }));
        await tx.query(`UPDATE alert_offer SET reminder_sent_at = $2 WHERE offer_id = $1`, [o.offer_id, now]);
      }
      return due.length;
    });
  }
}
