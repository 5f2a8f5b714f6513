import { randomUUID } from 'node:crypto';
import { INestApplication, Injectable, Module } from '@nestjs/common';
import request from 'supertest';
import { DataSource, EntityManager } from 'typeorm';
import { parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp, ServiceShellModule } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { SmtpSink } from '@twinning/smtp-sink';
import { NotificationsEnv } from '../src/config/notifications-env';
import { notificationsDataSourceOptions } from '../src/database/data-source';
import { DigestJob } from '../src/delivery/application/digest-job';
import { EmailSender } from '../src/delivery/application/email-sender';
import { DeliveryModule } from '../src/delivery/delivery.module';
import { NotificationRequest, NotificationSink } from '../src/delivery/notification-request';
import { Recipient, RecipientDirectory } from '../src/delivery/recipient-directory';
import { FeedModule } from '../src/feed/feed.module';
import { NotificationType } from '../src/notification-types';
import { PreferencesModule } from '../src/preferences/preferences.module';
import { NotificationRenderer, RenderedMessage } from '../src/templates/notification-renderer';
import { TemplateRenderer } from '../src/templates/template-renderer';

/**
 * Delivery in-process on the real Postgres and Kafka, sending real SMTP to an in-process SmtpSink. The recipient
 * directory is a test double (the recipients feature builds the real one from identity events, with its own e2e).
 * Requests with a `title` are rendered by a double that writes the locale and the data into the message, so the test
 * sees what delivery asked for; the others by the real TemplateRenderer (the Handlebars files under templates/).
 */
const people = new Map<string, Recipient>();

@Injectable()
class TestDirectory extends RecipientDirectory {
  async find(_tx: EntityManager, userId: string): Promise<Recipient | null> {
    return people.get(userId) ?? null;
  }
}

const real = new TemplateRenderer();

@Injectable()
class TestRenderer extends NotificationRenderer {
  render(type: NotificationType, locale: string, data: Record<string, unknown>, timeZone?: string | null): RenderedMessage {
    const items = data.items as { title: string }[] | undefined;
    if (type === 'digest' ? !items!.every((i) => i.title.startsWith('[')) : data.title === undefined) return real.render(type, locale, data, timeZone);
    locale = locale.split('-')[0];
    if (type === 'digest') {
      return { locale, subject: `[${locale}] ${String(data.count)} reminders`, text: items!.map((i) => `- ${i.title}`).join('\n'), html: `<ul>${items!.map((i) => `<li>${i.title}</li>`).join('')}</ul>` };
    }
    const subject = `[${locale}] ${type}: ${String(data.title ?? '')}`;
    return { locale, subject, text: `${subject}\nfor ${String(data.recipientName)} in ${timeZone ?? 'UTC'}`, html: `<p><b>${subject}</b></p>` };
  }
}

@Module({ providers: [{ provide: RecipientDirectory, useClass: TestDirectory }, { provide: NotificationRenderer, useClass: TestRenderer }], exports: [RecipientDirectory, NotificationRenderer] })
class TestDoublesModule {}

@Module({})
class DeliveryTestRoot {}

describe('notification delivery (real Postgres, real Kafka, real SMTP)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const sink = new SmtpSink({ smtpPort: 0, httpPort: null });
  const orgA = randomUUID();
  const orgB = randomUUID();
  const u = { ana: randomUUID(), bo: randomUUID(), cy: randomUUID(), dee: randomUUID(), coordinator: randomUUID() };
  const t = {} as Record<'ana' | 'bo' | 'dee' | 'coordinator' | 'youth' | 'host' | 'otherCoordinator', string>;
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let dataSource: DataSource;
  let notifications: NotificationSink;

  const as = (token: string) => ({
    get: (p: string) => request(url).get(`/api/notifications${p}`).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => request(url).post(`/api/notifications${p}`).set('authorization', `Bearer ${token}`).send(body),
    put: (p: string, body?: object) => request(url).put(`/api/notifications${p}`).set('authorization', `Bearer ${token}`).send(body),
  });

  const ask = (type: NotificationType, recipientUserId: string, title: string, extra: Partial<NotificationRequest> = {}): NotificationRequest => ({
    eventId: randomUUID(), type, recipientUserId, organisationId: orgA, delegationId: null, data: { title }, timeZone: 'America/Los_Angeles', ...extra,
  });
  const enqueue = (r: NotificationRequest) => dataSource.transaction((tx) => notifications.enqueue(tx, r));
  const rowsOf = (eventId: string) => db.query<{ id: string; channel: string; status: string; attempts: number; last_error: string | null; locale: string; subject: string }>(
    `SELECT id, channel, status, attempts, last_error, locale, subject FROM delivery WHERE event_id = $1 ORDER BY channel`, [eventId]);
  const emailOf = async (eventId: string) => (await rowsOf(eventId)).find((r) => r.channel === 'email')!;
  const received = (deliveryId: string) => sink.messages().filter((m) => m.headers['x-twinning-delivery'] === deliveryId);

  /** One notifications instance on the test database (several may run at once over the same queue). */
  const startInstance = async (overrides: Record<string, string> = {}): Promise<INestApplication> => {
    const env = loadEnv(NotificationsEnv, {
      ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn',
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.smtpPort), SMTP_FROM: 'Twinning <notifications@twinning.test>',
      NOTIFY_RETRY_BASE_MS: '200', NOTIFY_MAX_ATTEMPTS: '6', EMAIL_SEND_INTERVAL_MS: '100', EMAIL_CLAIM_LEASE_MS: '2000', DIGEST_INTERVAL_MS: '0', DIGEST_DELAY_MS: '0',
      ...overrides,
    });
    return createServiceApp({
      service: 'notifications',
      module: {
        module: DeliveryTestRoot,
        imports: [
          ServiceShellModule.forRoot({ service: 'notifications', env, dataSource: notificationsDataSourceOptions(env.DATABASE_URL), produces: [Topics.notificationDeliveryEvents] }),
          DeliveryModule.forRoot(env, { imports: [TestDoublesModule] }),
          PreferencesModule,
          FeedModule,
        ],
      },
      apiPrefix: 'api/notifications',
      port: 0,
    });
  };

  beforeAll(async () => {
    await sink.start();
    db = await TestDatabase.create('notifications_delivery');
    people.set(u.ana, { userId: u.ana, email: 'ana@example.org', name: 'Ana Ruiz', language: 'es-MX', organisationDefaultLanguage: 'en' });
    people.set(u.bo, { userId: u.bo, email: 'bo@example.org', name: 'Bo Lin', language: 'ps', organisationDefaultLanguage: 'zh-CN' });
    people.set(u.cy, { userId: u.cy, email: 'cy@example.org', name: 'Cy Olsen', language: null, organisationDefaultLanguage: null });
    people.set(u.dee, { userId: u.dee, email: 'dee@example.org', name: 'Dee Park', language: 'en', organisationDefaultLanguage: 'en' });
    app = await startInstance();
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    notifications = app.get(NotificationSink);
    t.ana = await tokenFor({ organisationId: orgA, roles: ['host'], userId: u.ana });
    t.bo = await tokenFor({ organisationId: orgA, roles: ['host'], userId: u.bo });
    t.dee = await tokenFor({ organisationId: orgA, roles: ['coordinator'], userId: u.dee });
    t.coordinator = await tokenFor({ organisationId: orgA, roles: ['coordinator'], userId: u.coordinator });
    t.youth = await tokenFor({ organisationId: orgA, roles: ['youth-manager'] });
    t.host = await tokenFor({ organisationId: orgA, roles: ['host'] });
    t.otherCoordinator = await tokenFor({ organisationId: orgB, roles: ['coordinator'] });
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await sink.stop();
    await db?.drop();
  });

  it('records one row per channel and sends the email over SMTP after commit, with a text and an html part in the recipient language', async () => {
    const delegationId = randomUUID();
    const r = ask('offer-made', u.ana, 'Mei, 1–10 July', { delegationId, subjectId: 'member-1' });
    await enqueue(r);
    const email = await eventually(async () => {
      const e = await emailOf(r.eventId);
      expect(e).toMatchObject({ status: 'sent', attempts: 1, locale: 'es', last_error: null });
      return e;
    });
    const [m] = received(email.id);
    expect(m).toMatchObject({ subject: '[es] offer-made: Mei, 1–10 July', rcptTo: ['ana@example.org'], from: expect.stringContaining('notifications@twinning.test'),
      html: '<p><b>[es] offer-made: Mei, 1–10 July</b></p>' });
    expect(m.text).toContain('for Ana Ruiz in America/Los_Angeles');
    expect(m.messageId).toBe(`<${email.id}@notifications.twinning>`);
    expect(m.headers['content-language']).toBe('es');
    expect((await rowsOf(r.eventId)).map((x) => [x.channel, x.status])).toEqual([['email', 'sent'], ['in-app', 'sent']]);
    // the language falls back to the organisation's default (zh) when the person's (ps) is not shipped, then to English
    const b = ask('offer-made', u.bo, 'x');
    const c = ask('offer-made', u.cy, 'y');
    await enqueue(b);
    await enqueue(c);
    expect((await emailOf(b.eventId)).locale).toBe('zh');
    expect((await emailOf(c.eventId)).locale).toBe('en');
    // the delivery log: per delegation and per person, for the organisation's staff only
    const log = (await as(t.coordinator).get(`/deliveries?delegationId=${delegationId}`).expect(200)).body;
    expect(log.total).toBe(2);
    expect(log.items.map((i: { channel: string; status: string }) => [i.channel, i.status])).toEqual(expect.arrayContaining([['email', 'sent'], ['in-app', 'sent']]));
    expect(log.items[0]).toMatchObject({ recipientUserId: u.ana, type: 'offer-made', subjectId: 'member-1', eventId: r.eventId, createdAt: expect.any(String) });
    expect((await as(t.youth).get(`/deliveries?subjectId=member-1&channel=email`).expect(200)).body.items).toEqual([expect.objectContaining({ sentAt: expect.any(String), attempts: 1 })]);
    expect((await as(t.otherCoordinator).get(`/deliveries?delegationId=${delegationId}`).expect(200)).body.total).toBe(0);
    await as(t.host).get('/deliveries').expect(403);
    expect((await as(t.coordinator).get('/deliveries?status=nope').expect(400)).body.fields[0].field).toBe('status');
  });

  it('the same request twice (or at once) records one row per channel and sends one email', async () => {
    const r = ask('delegation-confirmed', u.dee, 'Fuzhou youth delegation');
    await enqueue(r);
    await Promise.all([enqueue(r), enqueue(r), enqueue({ ...r, data: { title: 'changed wording' } })]);
    const email = await eventually(async () => {
      const e = await emailOf(r.eventId);
      expect(e.status).toBe('sent');
      return e;
    });
    await enqueue(r);
    expect(await rowsOf(r.eventId)).toHaveLength(2);
    expect(received(email.id)).toHaveLength(1);
    expect(sink.messages().filter((m) => m.subject.includes('Fuzhou youth delegation') || m.subject.includes('changed wording'))).toHaveLength(1);
  });

  it('SMTP down for a while, then back: every message delivered once, the attempts and last error recorded', async () => {
    sink.refuse();
    const rs = [ask('itinerary-changed', u.ana, 'down 1'), ask('pickup-planned', u.bo, 'down 2'), ask('travel-changed', u.dee, 'down 3')];
    for (const r of rs) await enqueue(r);
    await eventually(async () => {
      for (const r of rs) expect(await emailOf(r.eventId)).toMatchObject({ status: 'queued', last_error: expect.stringContaining('421') });
      for (const r of rs) expect((await emailOf(r.eventId)).attempts).toBeGreaterThanOrEqual(2);
    }, { timeoutMs: 10000 });
    expect(sink.refusedConnections).toBeGreaterThanOrEqual(6);
    sink.accept();
    const sent = await eventually(async () => {
      const rows = await Promise.all(rs.map((r) => emailOf(r.eventId)));
      for (const e of rows) expect(e.status).toBe('sent');
      return rows;
    }, { timeoutMs: 15000 });
    for (const e of sent) {
      expect(e.attempts).toBeGreaterThan(1);
      expect(e.attempts).toBeLessThan(6);
      expect(received(e.id)).toHaveLength(1);
    }
    const log = (await as(t.coordinator).get(`/deliveries?recipientUserId=${u.bo}&channel=email&status=sent`).expect(200)).body.items;
    expect(log.find((i: { id: string }) => i.id === sent[1].id)).toMatchObject({ attempts: sent[1].attempts, lastError: expect.stringContaining('421') });
  });

  it('after the last attempt the email is failed and notification.delivery-failed is published', async () => {
    sink.refuse();
    const delegationId = randomUUID();
    const r = ask('offer-accepted', u.dee, 'never arrives', { delegationId, subjectId: 'member-9' });
    await enqueue(r);
    const failed = await eventually(async () => {
      const e = await emailOf(r.eventId);
      expect(e).toMatchObject({ status: 'failed', attempts: 6, last_error: expect.stringContaining('421') });
      return e;
    }, { timeoutMs: 20000 });
    sink.accept();
    const event = await eventually(async () => {
      const msgs = (await kafka.readAll(withPrefix(prefix, Topics.notificationDeliveryEvents))).filter((m) => m.key === failed.id);
      expect(msgs).toHaveLength(1);
      return parseEnvelope(msgs[0].value);
    }, { timeoutMs: 20000, intervalMs: 250 });
    expect(event).toMatchObject({ type: 'notification.delivery-failed', version: 1, organisationId: orgA, producer: 'notifications',
      payload: { deliveryId: failed.id, sourceEventId: r.eventId, notificationType: 'offer-accepted', channel: 'email', recipientUserId: u.dee, delegationId, subjectId: 'member-9', attempts: 6 } });
    expect(received(failed.id)).toHaveLength(0);
    expect((await as(t.coordinator).get(`/deliveries?status=failed&delegationId=${delegationId}`).expect(200)).body.items).toEqual([expect.objectContaining({ id: failed.id, attempts: 6 })]);
  });

  it('the database goes down right after the SMTP server accepted the third of six emails: once it is back each is delivered, one twice with the same Message-ID', async () => {
    const rs = [1, 2, 3, 4, 5, 6].map((i) => ask('itinerary-changed', u.cy, `outage ${i}`));
    let accepted = 0;
    sink.onAccepted(async (m) => {
      if (m.subject.includes('outage ') && ++accepted === 3) await db.refuseConnections();
    });
    try {
      // one commit, so all six are due at once (as one batch would have claimed them)
      await dataSource.transaction(async (tx) => {
        for (const r of rs) await notifications.enqueue(tx, r);
      });
      await eventually(() => expect(accepted).toBeGreaterThanOrEqual(3));
      await expect(db.query('SELECT 1')).rejects.toThrow();
    } finally {
      sink.onAccepted(null);
      await db.acceptConnections();
    }
    const ids = await eventually(async () => {
      const rows = await Promise.all(rs.map((r) => emailOf(r.eventId)));
      for (const e of rows) expect(e).toMatchObject({ status: 'sent', attempts: 1 });
      return rows.map((e) => e.id);
    }, { timeoutMs: 15000 });
    const copies = ids.map((id) => received(id));
    for (const c of copies) expect(c.length).toBeGreaterThanOrEqual(1);
    expect(copies.reduce((n, c) => n + c.length - 1, 0)).toBe(1);
    const twice = copies.findIndex((c) => c.length === 2);
    expect(copies[twice].map((m) => m.messageId)).toEqual([`<${ids[twice]}@notifications.twinning>`, `<${ids[twice]}@notifications.twinning>`]);
  });

  it('two instances sending over the same queue send each email once', async () => {
    const other = await startInstance({ EMAIL_SEND_INTERVAL_MS: '0' });
    try {
      const rs = Array.from({ length: 30 }, (_, i) => ask('travel-changed', u.dee, `pair ${i}`));
      await dataSource.transaction(async (tx) => {
        for (const r of rs) await notifications.enqueue(tx, r);
      });
      const [a, b] = await Promise.all([app.get(EmailSender).drain(), other.get(EmailSender).drain()]);
      expect(b.sent).toBeGreaterThan(0);
      expect(a.sent + b.sent).toBeLessThanOrEqual(rs.length);
      const rows = await eventually(async () => {
        const all = await Promise.all(rs.map((r) => emailOf(r.eventId)));
        for (const e of all) expect(e).toMatchObject({ status: 'sent', attempts: 1 });
        return all;
      });
      for (const e of rows) expect(received(e.id)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('a sender that hangs inside the SMTP exchange loses its claim after the lease, and another instance sends that email', async () => {
    const other = await startInstance();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let copies = 0;
    sink.onAccepted(async (m) => {
      if (m.subject.includes('held reply') && ++copies === 1) await held;
    });
    try {
      const r = ask('pickup-planned', u.ana, 'held reply');
      await enqueue(r);
      // the first sender waits for the server's answer; after EMAIL_CLAIM_LEASE_MS (2 s here) its session is ended
      const e = await eventually(async () => {
        const row = await emailOf(r.eventId);
        expect(row).toMatchObject({ status: 'sent', attempts: 1 });
        return row;
      }, { timeoutMs: 15000 });
      expect(copies).toBe(2);
      release();
      expect(received(e.id).map((m) => m.messageId)).toEqual([`<${e.id}@notifications.twinning>`, `<${e.id}@notifications.twinning>`]);
    } finally {
      release();
      sink.onAccepted(null);
      await other.close();
    }
  });

  it('an opted-out category is recorded skipped on both channels; safety types are sent anyway', async () => {
    expect((await as(t.bo).put('/me/preferences', { optOuts: ['offers', 'nope'] }).expect(400)).body).toMatchObject({ code: 'PREFERENCES.UNKNOWN_CATEGORY', fields: [{ field: 'optOuts' }] });
    expect((await as(t.bo).put('/me/preferences', { optOuts: ['safety'] }).expect(400)).body).toMatchObject({ code: 'PREFERENCES.SAFETY_REQUIRED', fields: [{ field: 'optOuts' }] });
    expect((await as(t.bo).put('/me/preferences', { optOuts: 'offers' }).expect(400)).body.fields[0].field).toBe('optOuts');
    const saved = (await as(t.bo).put('/me/preferences', { optOuts: ['offers', 'delegations', 'offers'] }).expect(200)).body;
    expect(saved.optOuts).toEqual(['delegations', 'offers']);
    expect((await as(t.bo).get('/me/preferences').expect(200)).body.categories).toEqual(expect.arrayContaining([
      expect.objectContaining({ category: 'delegations', optedOut: true, alwaysSent: ['delegation-cancelled'] }),
      expect.objectContaining({ category: 'safety', optedOut: false, safety: true }),
    ]));
    expect((await as(t.ana).get('/me/preferences').expect(200)).body.optOuts).toEqual([]);
    const offer = ask('offer-made', u.bo, 'opted out');
    const changed = ask('delegation-changed', u.bo, 'opted out too');
    const cancelled = ask('delegation-cancelled', u.bo, 'cancelled anyway');
    const alert = ask('welfare-alert', u.bo, 'alert anyway');
    for (const r of [offer, changed, cancelled, alert]) await enqueue(r);
    const sentIds = await eventually(async () => {
      const rows = [await emailOf(cancelled.eventId), await emailOf(alert.eventId)];
      for (const e of rows) expect(e.status).toBe('sent');
      return rows.map((e) => e.id);
    });
    for (const id of sentIds) expect(received(id)).toHaveLength(1);
    for (const r of [offer, changed]) {
      expect((await rowsOf(r.eventId)).map((x) => [x.channel, x.status, x.last_error])).toEqual([
        ['email', 'skipped', expect.stringContaining('opted out')], ['in-app', 'skipped', expect.stringContaining('opted out')]]);
    }
    expect(sink.messages().filter((m) => m.subject.includes('opted out'))).toHaveLength(0);
    expect((await as(t.coordinator).get(`/deliveries?recipientUserId=${u.bo}&status=skipped`).expect(200)).body.total).toBe(4);
    await as(t.bo).put('/me/preferences', { optOuts: [] }).expect(200);
  });

  it('folds several reminders due the same day for one person into one digest email; the feed still shows each', async () => {
    const rs = [ask('offer-reminder', u.cy, 'reminder A'), ask('offer-reminder', u.cy, 'reminder B'), ask('vetting-expiring', u.cy, 'reminder C')];
    const lone = ask('offer-reminder', u.dee, 'lone reminder');
    for (const r of [...rs, lone]) await enqueue(r);
    expect((await Promise.all(rs.map((r) => emailOf(r.eventId)))).map((e) => e.status)).toEqual(['queued', 'queued', 'queued']);
    expect(await app.get(DigestJob).runOnce()).toEqual({ digests: 1, released: 1, problems: 0 });
    const [digest] = await db.query<{ id: string }>(`SELECT id FROM delivery WHERE recipient_user_id = $1 AND type = 'digest'`, [u.cy]);
    await eventually(async () => {
      expect((await db.query<{ status: string }>(`SELECT status FROM delivery WHERE id = $1`, [digest.id]))[0].status).toBe('sent');
      expect((await emailOf(lone.eventId)).status).toBe('sent');
    });
    const [m] = received(digest.id);
    expect(m.subject).toBe('[en] 3 reminders');
    for (const s of ['reminder A', 'reminder B', 'reminder C']) expect(m.text).toContain(s);
    expect(m.html).toContain('<li>[en] vetting-expiring: reminder C</li>');
    expect(sink.messages().filter((x) => x.rcptTo.includes('cy@example.org') && x.subject.includes('reminder'))).toHaveLength(1);
    expect(received((await emailOf(lone.eventId)).id)[0].subject).toBe('[en] offer-reminder: lone reminder');
    const rows = await db.query<{ status: string; digest_id: string }>(`SELECT status, digest_id FROM delivery WHERE event_id = ANY($1) AND channel = 'email'`, [rs.map((r) => r.eventId)]);
    expect(rows).toEqual([0, 1, 2].map(() => ({ status: 'digested', digest_id: digest.id })));
    expect(await db.query(`SELECT 1 FROM delivery WHERE event_id = ANY($1) AND channel = 'in-app' AND status = 'sent'`, [rs.map((r) => r.eventId)])).toHaveLength(3);
    expect(await app.get(DigestJob).runOnce()).toEqual({ digests: 0, released: 0, problems: 0 });
  });

  it('with the real templates: an offer in the host\'s Spanish, and two reminders folded into a Chinese digest listing each with its link', async () => {
    const deadline = '2027-06-20T23:00:00Z';
    const offer = ask('offer-made', u.ana, '', { data: { hostName: 'Ana', guestName: 'Mei', delegationTitle: 'Fuzhou 2027', hostCity: 'Tacoma', arrivalDate: '2027-07-01',
      departureDate: '2027-07-10', deadline, offerUrl: 'https://twinning.example/offers/1' } });
    const reminders = ['Mei', 'Wei'].map((guestName, i) => ask('offer-reminder', u.bo, '', { data: { hostName: 'Bo', guestName, delegationTitle: 'Fuzhou 2027', deadline,
      offerUrl: `https://twinning.example/offers/r${i}` } }));
    for (const r of [offer, ...reminders]) await enqueue(r);
    expect(await app.get(DigestJob).runOnce()).toEqual({ digests: 1, released: 0, problems: 0 });
    const [digest] = await db.query<{ id: string }>(`SELECT id FROM delivery WHERE recipient_user_id = $1 AND type = 'digest'`, [u.bo]);
    const ids = await eventually(async () => {
      const rows = [await emailOf(offer.eventId), (await db.query<{ id: string; status: string }>(`SELECT id, status FROM delivery WHERE id = $1`, [digest.id]))[0]];
      for (const e of rows) expect(e.status).toBe('sent');
      return rows.map((e) => e.id);
    });
    const [es] = received(ids[0]);
    expect(es.subject).toBe('¿Puede alojar a Mei? (Fuzhou 2027)');
    expect(es.text).toContain('Hola, Ana:');
    expect(es.html).toContain('lang="es');
    const [zh] = received(ids[1]);
    expect(zh.subject).toBe('您的每日摘要：2 条提醒');
    for (const url of ['https://twinning.example/offers/r0', 'https://twinning.example/offers/r1']) {
      expect(zh.text).toContain(url);
      expect(zh.html).toContain(url);
    }
    expect(zh.text).toContain('提醒：请答复是否接待Mei');
    expect(zh.text).toContain('提醒：请答复是否接待Wei');
  });

  it('in-app feed: newest first, paged, mark read, unread count; another person cannot mark it', async () => {
    const feed = (await as(t.dee).get('/me?limit=2').expect(200)).body;
    const all = (await as(t.dee).get('/me?limit=200').expect(200)).body;
    expect(feed.items).toHaveLength(2);
    expect(feed.total).toBe(all.total);
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(all.items.slice(0, 2).map((i: { id: string }) => i.id));
    expect(all.items[0]).toMatchObject({ type: 'offer-reminder', subject: '[en] offer-reminder: lone reminder', read: false, readAt: null, text: expect.any(String), html: expect.any(String) });
    const before = (await as(t.dee).get('/me/unread-count').expect(200)).body.count;
    expect(before).toBe(all.total);
    const target = all.items[1].id;
    await as(t.bo).post(`/me/${target}/read`).expect(404);
    await as(t.dee).post(`/me/${randomUUID()}/read`).expect(404);
    await as(t.dee).post('/me/not-a-uuid/read').expect(400);
    const read = (await as(t.dee).post(`/me/${target}/read`).expect(200)).body;
    expect(read).toMatchObject({ id: target, read: true, readAt: expect.any(String) });
    expect((await as(t.dee).post(`/me/${target}/read`).expect(200)).body.readAt).toBe(read.readAt);
    expect((await as(t.dee).get('/me/unread-count').expect(200)).body.count).toBe(before - 1);
    expect((await as(t.dee).get('/me?unreadOnly=true&limit=200').expect(200)).body.items.map((i: { id: string }) => i.id)).not.toContain(target);
    expect((await db.query<{ status: string }>(`SELECT status FROM delivery WHERE id = $1`, [target]))[0].status).toBe('read');
    // opted-out notices never reached bo's feed; an email row cannot be "read"
    const boFeed = (await as(t.bo).get('/me?limit=200').expect(200)).body.items.map((i: { subject: string }) => i.subject);
    expect(boFeed.some((s: string) => s.includes('opted out'))).toBe(false);
    const emailId = (await db.query<{ id: string }>(`SELECT id FROM delivery WHERE recipient_user_id = $1 AND channel = 'email' LIMIT 1`, [u.dee]))[0].id;
    await as(t.dee).post(`/me/${emailId}/read`).expect(404);
    await request(url).get('/api/notifications/me').expect(401);
  });
});
