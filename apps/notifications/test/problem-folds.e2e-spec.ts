import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { SmtpSink } from '@twinning/smtp-sink';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, uniqueTopicPrefix } from '@twinning/testing';
import { notificationsApp } from '../src/app.module';
import { NotificationsEnv } from '../src/config/notifications-env';
import { DigestJob } from '../src/delivery/application/digest-job';
import { EmailSender } from '../src/delivery/application/email-sender';
import { alertsWorld } from './support/alerts-world';

/**
 * No floods: problems raised while a delegation is entered (logistics' `conflict.raised`, one per member) reach each
 * coordinator as one email per delegation and window listing them, not one each. The whole service in-process on the
 * real Postgres and Kafka, sending real SMTP to an in-process sink; the window is a minute and the digest job is run
 * with the clock it would see when the window has closed.
 */
describe('problems folded per delegation and window (real Postgres, Kafka and SMTP)', () => {
  const WINDOW_MS = 60_000;
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const sink = new SmtpSink({ smtpPort: 0, httpPort: null });
  let db: TestDatabase;
  let app: INestApplication;
  let sender: EmailSender;
  let digests: DigestJob;

  const { u, delegationId, fam, ruizParent, envelope, seed, safeguardingEvents } = alertsWorld();
  const send = (topic: string, ...messages: { key: string; value: string }[]) => kafka.produce(withPrefix(prefix, topic), messages);
  const idOf = (m: { value: string }) => (JSON.parse(m.value) as { eventId: string }).eventId;
  const mailsTo = (address: string, subject: RegExp) => sink.messages().filter((m) => m.rcptTo[0] === address && subject.test(m.subject));
  const problemMails = /logistics problem/i;
  const afterWindow = () => new Date(Date.now() + WINDOW_MS + 1000);

  const conflict = (n: number, key = `NO_LODGING_FOR_NIGHT:${randomUUID()}`, conflictId = randomUUID()) => ({
    conflictId, delegationId, kind: 'NO_LODGING_FOR_NIGHT', key, memberId: randomUUID(), message: `Student ${n} has no bed on 2027-07-01`,
  });
  const raised = (c: ReturnType<typeof conflict>) => envelope('conflict.raised', delegationId, c);
  const resolved = (c: ReturnType<typeof conflict>) => envelope('conflict.resolved', delegationId, c);

  /** Waits until the conflict emails of the delegation stand at `queued` waiting and `skipped` withdrawn ones. */
  const conflictEmails = (queued: number, skipped = 0) => eventually(async () => {
    const rows = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM delivery WHERE type = 'conflict-raised' AND channel = 'email' AND status IN ('queued', 'skipped') GROUP BY status`);
    expect(Object.fromEntries(rows.map((r) => [r.status, r.n]))).toEqual({ ...(queued ? { queued } : {}), ...(skipped ? { skipped } : {}) });
  }, { timeoutMs: 30000, intervalMs: 200 });

  beforeAll(async () => {
    await sink.start();
    db = await TestDatabase.create('notifications_problem_folds');
    const env = loadEnv(NotificationsEnv, {
      ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn', PUBLIC_WEB_URL: 'https://twinning.example',
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.smtpPort), EMAIL_SEND_INTERVAL_MS: '0', DIGEST_INTERVAL_MS: '0', DIGEST_DELAY_MS: '0', OFFER_REMINDER_INTERVAL_MS: '0',
      PROBLEM_FOLD_WINDOW_MS: String(WINDOW_MS),
    });
    app = await createServiceApp(notificationsApp(env));
    sender = app.get(EmailSender);
    digests = app.get(DigestJob);
    await seed(send, db);
  }, 90000);

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await sink.stop();
    await db?.drop();
  });

  it('30 problems raised in one window: one email to each coordinator listing each once, none resolved meanwhile; the feed shows each', async () => {
    const thirty = Array.from({ length: 30 }, (_, i) => conflict(i + 1));
    const gone = conflict(99);
    // the first one again under another event (a replay upstream): the same problem, listed once
    await send(Topics.travelEvents, ...thirty.map(raised), raised(gone), raised(thirty[0]), resolved(gone));
    await conflictEmails(2 * 31, 2);

    await digests.runOnce(new Date());
    await sender.drain();
    expect(mailsTo('ana@tacoma.example', problemMails)).toHaveLength(0);

    await digests.runOnce(afterWindow());
    await sender.drain();
    for (const coordinator of ['ana@tacoma.example', 'paulo@fuzhou.example']) {
      const mails = mailsTo(coordinator, problemMails);
      expect(mails.map((m) => m.subject)).toEqual(['30 logistics problems in Fuzhou students 2027']);
      for (let n = 1; n <= 30; n++) expect(mails[0].text.split(`Student ${n} has no bed`)).toHaveLength(2);
      expect(mails[0].text).not.toContain('Student 99');
    }
    const withdrawn = await db.query<{ status: string; last_error: string }>(`SELECT status, last_error FROM delivery WHERE fold_item = $1 AND channel = 'email'`, [gone.key]);
    expect(withdrawn).toEqual([1, 2].map(() => ({ status: 'skipped', last_error: 'resolved before it was sent' })));
    // the feed is where each problem shows at once, as it is raised (an in-app notice does not interrupt)
    const feed = await db.query(`SELECT 1 FROM delivery WHERE recipient_user_id = $1 AND channel = 'in-app' AND type = 'conflict-raised'`, [u.coordA.id]);
    expect(feed).toHaveLength(32);
  });

  it('a second window: a second email, with only what was raised in it', async () => {
    await send(Topics.travelEvents, raised(conflict(31)), raised(conflict(32)));
    await conflictEmails(4, 2);
    await digests.runOnce(afterWindow());
    await sender.drain();
    expect(mailsTo('ana@tacoma.example', problemMails).map((m) => m.subject)).toEqual(['30 logistics problems in Fuzhou students 2027', '2 logistics problems in Fuzhou students 2027']);
    const second = mailsTo('ana@tacoma.example', /^2 logistics/)[0];
    expect(second.text).toContain('Student 31 has no bed');
    expect(second.text).toContain('Student 32 has no bed');
    expect(second.text).not.toContain('Student 1 has no bed');
  });

  it('a welfare alert raised while problems wait is sent at once, never folded', async () => {
    await send(Topics.travelEvents, raised(conflict(33)));
    await conflictEmails(2, 2);
    const { welfare } = safeguardingEvents();
    await send(Topics.participantEvents, welfare);
    await eventually(async () => expect(await db.query(`SELECT 1 FROM delivery WHERE event_id = $1 AND channel = 'email'`, [idOf(welfare)])).toHaveLength(2),
      { timeoutMs: 30000, intervalMs: 200 });
    await sender.drain();
    const rows = await db.query<{ status: string }>(`SELECT status FROM delivery WHERE event_id = $1 AND channel = 'email'`, [idOf(welfare)]);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    await conflictEmails(2, 2);
  });

  it("the daily digest lists the problems waiting for the person with their reminders; another coordinator's still wait for the window", async () => {
    const vetting = envelope('family.vetting-expiring', fam.ruiz, { familyId: fam.ruiz, checkId: randomUUID(), memberId: ruizParent, expiresOn: '2027-08-01', evaluatedOn: '2027-07-02' });
    await send(Topics.familyEvents, vetting);
    await eventually(async () => expect(await db.query(`SELECT 1 FROM delivery WHERE event_id = $1 AND channel = 'email'`, [idOf(vetting)])).toHaveLength(2),
      { timeoutMs: 30000, intervalMs: 200 });
    await digests.runOnce(new Date());
    await sender.drain();
    const digest = sink.messages().filter((m) => m.rcptTo[0] === 'ana@tacoma.example' && /daily summary/i.test(m.subject));
    expect(digest).toHaveLength(1);
    expect(digest[0].text).toContain('Student 33 has no bed on 2027-07-01');
    expect(digest[0].text).toMatch(/Background check/i);
    expect(mailsTo('ana@tacoma.example', problemMails)).toHaveLength(2);
    // Paulo (partner organisation) has no reminder today: his problem waits for its window
    const paulo = await db.query<{ status: string }>(`SELECT status FROM delivery WHERE recipient_user_id = $1 AND type = 'conflict-raised' AND channel = 'email' AND status = 'queued'`, [u.coordB.id]);
    expect(paulo).toHaveLength(1);
  });

  it('the same problem raised twice in a window: one email, with the subject of that one problem, not two', async () => {
    const before = { ana: mailsTo('ana@tacoma.example', problemMails).length, paulo: mailsTo('paulo@fuzhou.example', problemMails).length };
    const twice = conflict(34);
    await send(Topics.travelEvents, raised(twice), raised(twice));
    await eventually(async () => expect(await db.query(`SELECT 1 FROM delivery WHERE fold_item = $1 AND channel = 'email' AND status = 'queued'`, [twice.key])).toHaveLength(4),
      { timeoutMs: 30000, intervalMs: 200 });
    await digests.runOnce(afterWindow());
    await sender.drain();
    const ana = mailsTo('ana@tacoma.example', problemMails).slice(before.ana);
    expect(ana.map((m) => m.subject)).toEqual(['Logistics problem in Fuzhou students 2027']);
    expect(ana[0].text).toContain('Student 34 has no bed');
    // Paulo's window held the problem left from before and this one (twice): listed once each
    const paulo = mailsTo('paulo@fuzhou.example', problemMails).slice(before.paulo);
    expect(paulo.map((m) => m.subject)).toEqual(['2 logistics problems in Fuzhou students 2027']);
    expect(paulo[0].text.split('Student 34 has no bed')).toHaveLength(2);
    expect(await db.query(`SELECT 1 FROM delivery WHERE type = 'conflict-raised' AND channel = 'email' AND status = 'queued'`)).toHaveLength(0);
  });
});
