import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Topics, withPrefix } from '@twinning/contracts';
import { parseSealingPublicKey, SecretSealer } from '@twinning/platform-auth';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { SmtpSink } from '@twinning/smtp-sink';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, uniqueTopicPrefix } from '@twinning/testing';
import { OfferReminders } from '../src/alerts/application/offer-reminders';
import { notificationsApp } from '../src/app.module';
import { NotificationsEnv } from '../src/config/notifications-env';
import { DigestJob } from '../src/delivery/application/digest-job';
import { EmailSender } from '../src/delivery/application/email-sender';
import { SEALED_LINK_PLACEHOLDER } from '../src/delivery/domain/sealed-link';
import { NotificationType } from '../src/notification-types';
import { alertsWorld } from './support/alerts-world';

/**
 * The whole notifications service in-process — the alert consumers, the recipients read model, delivery with the real
 * Handlebars templates — on the real Postgres and Kafka, sending real SMTP to an in-process SmtpSink. The upstream
 * events are produced as the other services publish them; every notification type must arrive as an email (or, for
 * delivery-failed, an in-app notice) to the right people, in their language: preferred, else the organisation's
 * default, else English.
 */
describe('alerts by email: every type, to the right people, in their language (real Postgres, Kafka and SMTP)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const sink = new SmtpSink({ smtpPort: 0, httpPort: null });
  let db: TestDatabase;
  let app: INestApplication;
  let sender: EmailSender;
  let digests: DigestJob;
  let reminders: OfferReminders;

  const { orgA, u, delegationId, mei, wei, fam, ruizParent, envelope, seed, safeguardingEvents } = alertsWorld('es-MX');
  const now = Date.now();

  const idOf = (m: { value: string }) => (JSON.parse(m.value) as { eventId: string }).eventId;
  const send = (topic: string, ...messages: { key: string; value: string }[]) => kafka.produce(withPrefix(prefix, topic), messages);
  const readModel = (sql: string, params: unknown[], n: number) => eventually(async () => expect((await db.query(sql, params)).length).toBe(n), { timeoutMs: 30000, intervalMs: 200 });

  /**
   * Waits for the event's email deliveries of `type`, sends what is due (digestible and folded ones are released by
   * the digest job first), and answers who received which language: address → Content-Language of the email in the sink.
   */
  async function emailed(type: NotificationType, eventId: string, expected: number, digestible = false, folded = false): Promise<Record<string, string>> {
    const rows = await eventually(async () => {
      const r = await db.query<{ id: string }>(`SELECT id FROM delivery WHERE event_id = $1 AND type = $2 AND channel = 'email'`, [eventId, type]);
      expect(r).toHaveLength(expected);
      return r;
    }, { timeoutMs: 30000, intervalMs: 200 });
    if (digestible) await digests.runOnce(new Date());
    // a problem waits for its window to close (a lone one is then sent as it is)
    if (folded) await digests.runOnce(new Date(Date.now() + 60_000));
    await sender.drain();
    const ids = new Set(rows.map((r) => r.id));
    const mails = sink.messages().filter((m) => ids.has(m.headers['x-twinning-delivery']));
    expect(mails).toHaveLength(expected);
    for (const m of mails) {
      expect(m.subject).not.toBe('');
      expect(m.text).not.toMatch(/\{\{|\}\}/);
    }
    return Object.fromEntries(mails.map((m) => [m.rcptTo[0], m.headers['content-language']]));
  }

  beforeAll(async () => {
    await sink.start();
    db = await TestDatabase.create('notifications_alerts_email');
    const env = loadEnv(NotificationsEnv, {
      ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn', PUBLIC_WEB_URL: 'https://twinning.example',
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.smtpPort), EMAIL_SEND_INTERVAL_MS: '0', DIGEST_INTERVAL_MS: '0', DIGEST_DELAY_MS: '0', OFFER_REMINDER_INTERVAL_MS: '0',
      PROBLEM_FOLD_WINDOW_MS: '30000',
    });
    app = await createServiceApp(notificationsApp(env));
    sender = app.get(EmailSender);
    digests = app.get(DigestJob);
    reminders = app.get(OfferReminders);
    await seed(send, db);

  }, 90000);

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await sink.stop();
    await db?.drop();
  });

  const coordinatorsAndAdmins = { 'ana@tacoma.example': 'en', 'dieter@tacoma.example': 'zh', 'paulo@fuzhou.example': 'en' };
  const coordinators = { 'ana@tacoma.example': 'en', 'paulo@fuzhou.example': 'en' };
  const hostOrgCoordinator = { 'ana@tacoma.example': 'en' };
  const safeguarding = { 'yolanda@tacoma.example': 'es', 'dieter@tacoma.example': 'zh' };

  const sealTo = (publicKey: string, url: string) => new SecretSealer(parseSealingPublicKey(publicKey)).seal(url);
  const otherKey = () => Buffer.from(generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' })).toString('base64');
  const invitation = (email: string, payload: object, version = 2) => envelope('user.invited', orgA, {
    invitationId: randomUUID(), organisationId: orgA, organisationName: 'Tacoma Sister Cities', email, name: 'Lucía García', roles: ['host'], language: 'es',
    invitedByUserId: u.adminA.id, invitedByName: 'Dieter Admin', expiresAt: '2027-01-10T00:00:00Z', ...payload,
  }, orgA, randomUUID(), version);
  const storedRows = (eventId: string) => db.query<Record<string, unknown>>(`SELECT * FROM delivery WHERE event_id = $1`, [eventId]);

  it('invitation: to the invitee, in the invitation language, one email when the event comes twice; the link opened only to send it, never stored', async () => {
    const token = `tok-${randomUUID()}`;
    const url = `https://twinning.example/accept-invitation?token=${token}`;
    const invited = invitation('lucia@example.org', { sealedAcceptUrl: await sealTo(testKeys().INVITATION_LINK_PUBLIC_KEY, url) });
    await send(Topics.organisationEvents, invited, invited);
    expect(await emailed('invitation', idOf(invited), 1)).toEqual({ 'lucia@example.org': 'es' });
    const [mail] = sink.messages().filter((m) => m.rcptTo[0] === 'lucia@example.org');
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`https://twinning.example/accept-invitation?token&#x3D;${token}`);
    const rows = await storedRows(idOf(invited));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', sealed_link: JSON.parse(invited.value).payload.sealedAcceptUrl });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].text).toContain(SEALED_LINK_PLACEHOLDER);
  });

  it('invitation v1 (link in the clear, from before links were sealed): still sent, stored only sealed', async () => {
    const token = `tok-${randomUUID()}`;
    const invited = invitation('lucia.v1@example.org', { acceptUrl: `https://twinning.example/accept-invitation?token=${token}` }, 1);
    await send(Topics.organisationEvents, invited);
    expect(await emailed('invitation', idOf(invited), 1)).toEqual({ 'lucia.v1@example.org': 'es' });
    expect(sink.messages().find((m) => m.rcptTo[0] === 'lucia.v1@example.org')!.text).toContain(token);
    const rows = await storedRows(idOf(invited));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].sealed_link).toMatch(/^[\w-]+\.[\w-]*\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('invitation sealed to another key (rotated or misconfigured): dead-lettered naming the keys, nothing stored or sent', async () => {
    const invited = invitation('lucia.other@example.org', { sealedAcceptUrl: await sealTo(otherKey(), 'https://twinning.example/accept-invitation?token=x') });
    await send(Topics.organisationEvents, invited);
    const [dead] = await eventually(async () => {
      const d = await db.query<{ error_code: string; error: string }>(`SELECT error_code, error FROM dead_letter WHERE consumer_group LIKE '%notifications.alerts.invitation' AND error_code LIKE 'SEALED_SECRET.%'`);
      expect(d).toHaveLength(1);
      return d;
    }, { timeoutMs: 30000, intervalMs: 200 });
    expect(dead).toMatchObject({ error_code: 'SEALED_SECRET.OTHER_KEY', error: expect.stringMatching(/sealed to key \S+, this service holds key \S+/) });
    expect(await storedRows(idOf(invited))).toHaveLength(0);
  });

  it('invitation whose key changed after it was queued: fails at once, naming why, and no broken link goes out', async () => {
    const invited = invitation('lucia.rotated@example.org', { sealedAcceptUrl: await sealTo(testKeys().INVITATION_LINK_PUBLIC_KEY, 'https://twinning.example/accept-invitation?token=y') });
    await send(Topics.organisationEvents, invited);
    await readModel(`SELECT 1 FROM delivery WHERE event_id = $1 AND status = 'queued'`, [idOf(invited)], 1);
    // as if this service's key had been replaced since: the stored link no longer opens
    await db.query(`UPDATE delivery SET sealed_link = $2 WHERE event_id = $1`, [idOf(invited), await sealTo(otherKey(), 'https://twinning.example/accept-invitation?token=y')]);
    await sender.drain();
    const [row] = await storedRows(idOf(invited));
    expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/^SEALED_SECRET\.OTHER_KEY: /) });
    expect(sink.messages().filter((m) => m.rcptTo[0] === 'lucia.rotated@example.org')).toHaveLength(0);
  });

  it('delegation changed, confirmed, cancelled and itinerary changed', async () => {
    const updated = envelope('delegation.updated', delegationId, {
      delegationId, changed: ['startDate'], title: 'Fuzhou students 2027', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-07-02', endDate: '2027-07-10',
      direction: 'inbound', minorsPerAdult: 8, status: 'planning', version: 2, updatedByUserId: u.coordA.id,
    });
    const confirmed = envelope('delegation.status-changed', delegationId, { delegationId, from: 'planning', to: 'confirmed', version: 3, changedByUserId: u.coordA.id });
    const cancelled = envelope('delegation.status-changed', delegationId, { delegationId, from: 'confirmed', to: 'cancelled', version: 4, changedByUserId: u.coordA.id });
    const itinerary = envelope('itinerary.changed', delegationId, { delegationId, activityId: randomUUID(), change: 'added', title: 'City hall reception', startsAt: '2027-07-03T17:00:00Z',
      endsAt: '2027-07-03T19:00:00Z', startsLocal: '2027-07-03T10:00:00', endsLocal: '2027-07-03T12:00:00', timeZone: 'America/Los_Angeles' });
    await send(Topics.delegationEvents, updated, confirmed, cancelled, itinerary);
    expect(await emailed('delegation-changed', idOf(updated), 3)).toEqual(coordinatorsAndAdmins);
    expect(await emailed('delegation-confirmed', idOf(confirmed), 3)).toEqual(coordinatorsAndAdmins);
    expect(await emailed('delegation-cancelled', idOf(cancelled), 3)).toEqual(coordinatorsAndAdmins);
    expect(await emailed('itinerary-changed', idOf(itinerary), 2)).toEqual(coordinators);
  });

  it('welfare alert and incident escalation to the youth managers and admins', async () => {
    const { welfare, overdue } = safeguardingEvents();
    await send(Topics.participantEvents, welfare);
    await send(Topics.incidentEvents, overdue);
    expect(await emailed('welfare-alert', idOf(welfare), 2)).toEqual(safeguarding);
    expect(await emailed('incident-escalation', idOf(overdue), 2)).toEqual(safeguarding);
  });

  it('offers: made (once when delivered twice), reminder, accepted, declined, expired, withdrawn, re-matched', async () => {
    const offers = { mei: randomUUID(), wei: randomUUID(), meiAgain: randomUUID() };
    const made = (offerId: string, m: typeof mei, familyId: string, hostId: string, guest: string, deadline: number, origin = 'matching') =>
      envelope('offer.made', delegationId, { offerId, delegationId, ...m, familyId, hostUserIds: [hostId], guestGivenName: guest, deadlineAt: new Date(deadline).toISOString(), origin });
    const outcome = (type: string, offerId: string, m: typeof mei, familyId: string, hostId: string, extra: object) =>
      envelope(type, delegationId, { offerId, delegationId, ...m, familyId, hostUserIds: [hostId], ...extra });
    const toMei = made(offers.mei, mei, fam.ruiz, u.hostEs.id, 'Mei', now + 48 * 3600_000);
    const toWei = made(offers.wei, wei, fam.chen, u.hostFr.id, 'Wei', now + 10 * 3600_000);
    await send(Topics.placementEvents, toMei, toMei, toWei);
    expect(await emailed('offer-made', idOf(toMei), 1)).toEqual({ 'rosa@ruiz.example': 'es' });
    expect(await emailed('offer-made', idOf(toWei), 1)).toEqual({ 'chen@chen.example': 'zh' });
    expect(sink.messages().filter((m) => m.rcptTo[0] === 'rosa@ruiz.example')).toHaveLength(1);

    await eventually(async () => expect(await db.query(`SELECT 1 FROM alert_offer WHERE status = 'open'`)).toHaveLength(2));
    expect(await reminders.remindDue(new Date(now))).toBe(1);
    expect(await reminders.remindDue(new Date(now))).toBe(0);
    const [reminder] = await db.query<{ event_id: string }>(`SELECT event_id FROM delivery WHERE type = 'offer-reminder' AND channel = 'email'`);
    expect(await emailed('offer-reminder', reminder.event_id, 1, true)).toEqual({ 'chen@chen.example': 'zh' });

    const accepted = outcome('offer.accepted', offers.mei, mei, fam.ruiz, u.hostEs.id, { byUserId: u.hostEs.id, awaitingGuardianConsent: false });
    const declined = outcome('offer.declined', offers.wei, wei, fam.chen, u.hostFr.id, { byUserId: u.hostFr.id, reason: 'family emergency' });
    const moved = outcome('offer.withdrawn', offers.mei, mei, fam.ruiz, u.hostEs.id, { kind: 'moved-by-rematch', reason: 'moved by an automatic re-match to place another guest' });
    const remade = made(offers.meiAgain, mei, fam.chen, u.hostFr.id, 'Mei', now + 72 * 3600_000, 'rematch');
    const withdrawn = outcome('offer.withdrawn', offers.meiAgain, mei, fam.chen, u.hostFr.id, { kind: 'host-withdrew', reason: 'we are moving', byUserId: u.hostFr.id });
    const expired = outcome('offer.expired', offers.wei, wei, fam.chen, u.hostFr.id, { deadlineAt: new Date(now).toISOString() });
    await send(Topics.placementEvents, accepted, declined, moved, remade, withdrawn, expired);
    expect(await emailed('offer-accepted', idOf(accepted), 1)).toEqual(hostOrgCoordinator);
    expect(await emailed('offer-declined', idOf(declined), 1)).toEqual(hostOrgCoordinator);
    expect(await emailed('offer-rematched', idOf(remade), 1)).toEqual(hostOrgCoordinator);
    expect(await emailed('offer-withdrawn', idOf(withdrawn), 1)).toEqual(hostOrgCoordinator);
    expect(await emailed('offer-expired', idOf(expired), 1)).toEqual(hostOrgCoordinator);
  });

  it('welcome packets, pickup planned, travel changed and conflict raised', async () => {
    const segment = { segmentId: randomUUID(), delegationId, memberIds: [mei.memberId], mode: 'flight', carrier: 'Delta', number: 'DL 128', from: 'PVG', to: 'SEA',
      departureAt: '2027-07-01T05:00:00Z', departureLocal: '2027-07-01T13:00:00', departureTimeZone: 'Asia/Shanghai', arrivalAt: '2027-07-01T17:30:00Z', arrivalLocal: '2027-07-01T10:30:00',
      arrivalTimeZone: 'America/Los_Angeles', status: 'booked', direction: 'arrival' };
    const pickup = { runId: randomUUID(), delegationId, airport: 'SEA', meetingAt: '2027-07-01T18:30:00Z', meetingLocal: '2027-07-01T11:30:00', timeZone: 'America/Los_Angeles',
      memberIds: [mei.memberId], seats: 8, driverKind: 'volunteer', driverName: 'Sam Driver', dropOffs: [{ kind: 'homestay', label: 'Ruiz family', memberIds: [mei.memberId] }], maxWaitMinutes: 60 };
    await send(Topics.travelEvents, envelope('segment.booked', delegationId, segment));
    await readModel(`SELECT 1 FROM rcp_segment`, [], 1);
    const confirmed = envelope('placement.confirmed', delegationId, { offerId: randomUUID(), delegationId, ...mei, familyId: fam.ruiz, hostUserIds: [u.hostEs.id], familyName: 'Ruiz',
      address: '12 Elm St, Tacoma, WA', stayFrom: '2027-07-01', stayTo: '2027-07-10' });
    await send(Topics.placementEvents, confirmed);
    const briefing = envelope('placement.host-briefing', delegationId, { offerId: JSON.parse(confirmed.value).payload.offerId, delegationId, ...mei, familyId: fam.ruiz, familyName: 'Ruiz',
      hostUserIds: [u.hostEs.id], guestGivenName: 'Mei', stayFrom: '2027-07-01', stayTo: '2027-07-10', diet: ['Vegetarian'], allergies: ['Peanuts', 'Smoke (needs a smoke-free home)'],
      dietCodes: ['vegetarian'], dietNote: '', allergyCodes: ['peanut', 'smoke'], allergyNote: 'lleva un autoinyector', nonSmokingRequired: true });
    await send(Topics.hostBriefingEvents, briefing);
    expect(await emailed('welcome-packet-host', idOf(briefing), 1)).toEqual({ 'rosa@ruiz.example': 'es' });
    expect(await emailed('welcome-packet-guest', idOf(confirmed), 1)).toEqual(hostOrgCoordinator);
    // the coded labels in the host's language (Spanish), with the note
    const packet = sink.messages().find((m) => m.rcptTo[0] === 'rosa@ruiz.example' && m.text.includes('Mei') && m.text.includes('ana@tacoma.example'));
    expect(packet?.text).toContain('Dieta: Vegetariana');
    expect(packet?.text).toContain('Alergias: Cacahuetes y Humo (necesita un hogar sin humo) (lleva un autoinyector)');
    expect(packet?.text).not.toMatch(/Peanuts|peanut|Vegetarian\b/);

    await readModel(`SELECT 1 FROM rcp_placement WHERE status = 'confirmed'`, [], 1);
    const planned = envelope('pickup.planned', delegationId, pickup);
    const changed = envelope('segment.changed', delegationId, { ...segment, arrivalAt: '2027-07-01T19:30:00Z', arrivalLocal: '2027-07-01T12:30:00', changed: ['arrivalAt'] });
    const conflict = envelope('conflict.raised', delegationId, { conflictId: randomUUID(), delegationId, kind: 'NO_LODGING_FOR_NIGHT', key: `NO_LODGING_FOR_NIGHT:${wei.memberId}`,
      memberId: wei.memberId, message: 'Wei has no bed on 2027-07-01' });
    await send(Topics.travelEvents, planned, changed, conflict);
    expect(await emailed('pickup-planned', idOf(planned), 3)).toEqual({ ...coordinators, 'rosa@ruiz.example': 'es' });
    expect(await emailed('travel-changed', idOf(changed), 2)).toEqual(coordinators);
    expect(await emailed('conflict-raised', idOf(conflict), 2, false, true)).toEqual(coordinators);
  });

  it('vetting expiring to the family organisation coordinators and its hosts', async () => {
    const e = envelope('family.vetting-expiring', fam.ruiz, { familyId: fam.ruiz, checkId: randomUUID(), memberId: ruizParent, expiresOn: '2027-08-01', evaluatedOn: '2027-07-02' });
    await send(Topics.familyEvents, e);
    expect(await emailed('vetting-expiring', idOf(e), 2, true)).toEqual({ 'ana@tacoma.example': 'en', 'rosa@ruiz.example': 'es' });
  });

  it('delivery failed: an in-app notice to the organisation coordinators, no email', async () => {
    const deliveryId = randomUUID();
    const e = envelope('notification.delivery-failed', deliveryId, { deliveryId, sourceEventId: randomUUID(), notificationType: 'offer-made', channel: 'email', recipientUserId: u.hostEs.id,
      delegationId, attempts: 8, lastError: '421 try again later' });
    await send(Topics.notificationDeliveryEvents, e);
    const rows = await eventually(async () => {
      const r = await db.query<{ channel: string; recipient_user_id: string; locale: string }>(`SELECT channel, recipient_user_id, locale FROM delivery WHERE event_id = $1`, [idOf(e)]);
      expect(r).toHaveLength(1);
      return r;
    }, { timeoutMs: 30000, intervalMs: 200 });
    expect(rows[0]).toEqual({ channel: 'in-app', recipient_user_id: u.coordA.id, locale: 'en' });
  });
});
