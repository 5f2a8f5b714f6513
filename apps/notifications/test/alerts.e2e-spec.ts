import { randomUUID } from 'node:crypto';
import { Global, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource, EntityManager } from 'typeorm';
import { Topics, withPrefix } from '@twinning/contracts';
import { parseSealingPublicKey, SecretSealer } from '@twinning/platform-auth';
import { loadEnv } from '@twinning/platform-config';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, uniqueTopicPrefix } from '@twinning/testing';
import { OfferReminders } from '../src/alerts/application/offer-reminders';
import { AppModule } from '../src/app.module';
import { NotificationsEnv } from '../src/config/notifications-env';
import { chooseLocale } from '../src/delivery/domain/delivery-rules';
import { NotificationRequest, NotificationSink } from '../src/delivery/notification-request';
import { RecipientDirectory } from '../src/delivery/recipient-directory';
import { SEALED_LINK_PLACEHOLDER } from '../src/delivery/domain/sealed-link';
import { NotificationType } from '../src/notification-types';
import { inviteeRecipientId } from '../src/recipients/domain/invitee-id';
import { missingTemplateData } from '../src/templates/template-data';
import { alertsWorld } from './support/alerts-world';

/**
 * Who hears about what (issue #7, item 1), in-process on the real Postgres and Kafka: the upstream services' events are
 * produced onto their real topics; the recipients read model is built from them; every alert consumer asks for one
 * notification per recipient. The NotificationSink is replaced by a recorder that writes each request into a table in
 * the consumer's own transaction (so a rolled-back or redelivered event shows as what it really left behind); each
 * recipient's language is what delivery would choose (its chooseLocale over this feature's RecipientDirectory).
 */
class RecordingSink extends NotificationSink {
  async enqueue(tx: EntityManager, r: NotificationRequest): Promise<void> {
    await tx.query(
      `INSERT INTO test_request (event_id, type, recipient_user_id, organisation_id, delegation_id, subject_id, time_zone, channels, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [r.eventId, r.type, r.recipientUserId, r.organisationId, r.delegationId ?? null, r.subjectId ?? null, r.timeZone ?? null, JSON.stringify(r.channels ?? null), JSON.stringify(r.data)],
    );
  }

  // what a withdrawal leaves is delivery's concern (alerts-email.e2e-spec); nothing is recorded to withdraw here
  async withdrawFolded(): Promise<number> {
    return 0;
  }
}

@Global()
@Module({ providers: [{ provide: NotificationSink, useClass: RecordingSink }], exports: [NotificationSink] })
class RecordingSinkModule {}

interface Recorded { event_id: string; type: NotificationType; recipient_user_id: string; organisation_id: string | null; delegation_id: string | null; time_zone: string | null; channels: string[] | null; data: Record<string, unknown> }

describe('alerts: the right people, in their language, once (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  let db: TestDatabase;
  let app: INestApplication;
  let directory: RecipientDirectory;
  let ds: DataSource;
  let reminders: OfferReminders;

  const { orgA, orgB, u, delegationId, mei, wei, fam, ruizParent, envelope, seed, safeguardingEvents } = alertsWorld('es');
  const send = (topic: string, ...messages: { key: string; value: string }[]) => kafka.produce(withPrefix(prefix, topic), messages);

  const requests = async (type: NotificationType, eventId?: string): Promise<Recorded[]> =>
    db.query<Recorded>(`SELECT * FROM test_request WHERE type = $1 ${eventId ? 'AND event_id = $2' : ''} ORDER BY recipient_user_id`, eventId ? [type, eventId] : [type]);

  /** Waits until the event left exactly `expected` requests of `type` (then checks nothing more arrives for it). */
  async function recipientsOf(type: NotificationType, eventId: string, expected: number): Promise<Recorded[]> {
    const rows = await eventually(async () => {
      const r = await requests(type, eventId);
      expect(r).toHaveLength(expected);
      return r;
    }, { timeoutMs: 30000, intervalMs: 200 });
    for (const r of rows) expect(missingTemplateData(type, r.data)).toEqual([]);
    return rows;
  }

  const localeOf = async (userId: string) => chooseLocale(await directory.find(ds.manager, userId));
  const who = (rows: Recorded[]) => rows.map((r) => r.recipient_user_id).sort();
  const ids = (...people: { id: string }[]) => people.map((p) => p.id).sort();
  const readModel = (sql: string, params: unknown[], n: number) => eventually(async () => expect((await db.query(sql, params)).length).toBe(n), { timeoutMs: 30000, intervalMs: 200 });

  beforeAll(async () => {
    db = await TestDatabase.create('notifications_alerts');
    const env = loadEnv(NotificationsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn',
      OFFER_REMINDER_INTERVAL_MS: '0', EMAIL_SEND_INTERVAL_MS: '0', DIGEST_INTERVAL_MS: '0', PUBLIC_WEB_URL: 'https://twinning.example' });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env), RecordingSinkModule] }).overrideProvider(NotificationSink).useClass(RecordingSink).compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
    ds = app.get(DataSource);
    directory = app.get(RecipientDirectory);
    reminders = app.get(OfferReminders);
    await db.query(`CREATE TABLE test_request (event_id uuid, type text, recipient_user_id uuid, organisation_id uuid, delegation_id uuid, subject_id text, time_zone text, channels jsonb, data jsonb)`);
    await seed(send, db);

  }, 90000);

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('resolves languages from the read model: preferred, else the organisation default, else English', async () => {
    expect(await localeOf(u.hostEs.id)).toBe('es'); // Spanish speaker
    expect(await localeOf(u.coordA.id)).toBe('en');
    expect(await localeOf(u.adminA.id)).toBe('zh'); // German is not shipped: Tacoma's default
    expect(await localeOf(u.hostFr.id)).toBe('zh');
    expect(await localeOf(u.coordB.id)).toBe('en'); // Portuguese, then French: neither shipped
    expect(await directory.find(ds.manager, u.hostEs.id)).toEqual({ userId: u.hostEs.id, email: u.hostEs.email, name: u.hostEs.name, language: 'es', organisationDefaultLanguage: 'zh' });
  });

  it('sends the invitation to the invitee (no account yet) in the invitation language, once even when delivered twice', async () => {
    const eventId = randomUUID();
    const invited = envelope('user.invited', orgA, {
      invitationId: randomUUID(), organisationId: orgA, organisationName: 'Tacoma Sister Cities', email: 'Lucia.Garcia@Example.org', name: 'Lucía García', roles: ['host'], language: 'es',
      invitedByUserId: u.adminA.id, invitedByName: 'Dieter Admin', expiresAt: '2027-01-10T00:00:00Z',
      sealedAcceptUrl: await new SecretSealer(parseSealingPublicKey(testKeys().INVITATION_LINK_PUBLIC_KEY)).seal('https://twinning.example/accept-invitation?token=abc'),
    }, orgA, eventId, 2);
    await send(Topics.organisationEvents, invited, invited);
    const [r] = await recipientsOf('invitation', eventId, 1);
    expect(r.recipient_user_id).toBe(inviteeRecipientId('lucia.garcia@example.org'));
    expect(r.channels).toEqual(['email']);
    // the templates get a placeholder: the link itself stays sealed until the email is sent
    expect(r.data).toMatchObject({ inviteeName: 'Lucía García', organisationName: 'Tacoma Sister Cities', acceptUrl: SEALED_LINK_PLACEHOLDER });
    expect(await directory.find(ds.manager, r.recipient_user_id)).toMatchObject({ email: 'Lucia.Garcia@Example.org', language: 'es', organisationDefaultLanguage: 'zh' });
    expect(await localeOf(r.recipient_user_id)).toBe('es');
  });

  it('tells coordinators and admins of the owner and the partner when a delegation changes, is confirmed or cancelled', async () => {
    const updated = envelope('delegation.updated', delegationId, {
      delegationId, changed: ['startDate'], title: 'Fuzhou students 2027', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-07-02', endDate: '2027-07-10',
      direction: 'inbound', minorsPerAdult: 8, status: 'planning', version: 2, updatedByUserId: u.coordA.id,
    });
    const confirmed = envelope('delegation.status-changed', delegationId, { delegationId, from: 'planning', to: 'confirmed', version: 3, changedByUserId: u.coordA.id });
    const progress = envelope('delegation.status-changed', delegationId, { delegationId, from: 'confirmed', to: 'in-progress', version: 4, changedByUserId: u.coordA.id });
    const cancelled = envelope('delegation.status-changed', delegationId, { delegationId, from: 'in-progress', to: 'cancelled', version: 5, changedByUserId: u.coordA.id });
    await send(Topics.delegationEvents, updated, confirmed, progress, cancelled);
    const all = ids(u.coordA, u.adminA, u.coordB);
    const changed = await recipientsOf('delegation-changed', JSON.parse(updated.value).eventId, 3);
    expect(who(changed)).toEqual(all);
    expect(changed.find((r) => r.recipient_user_id === u.coordB.id)).toMatchObject({ time_zone: 'America/Los_Angeles', delegation_id: delegationId,
      data: { recipientName: 'Paulo Partner', startDate: '2027-07-02', delegationUrl: `https://twinning.example/delegations/${delegationId}` } });
    expect(who(await recipientsOf('delegation-confirmed', JSON.parse(confirmed.value).eventId, 3))).toEqual(all);
    expect(who(await recipientsOf('delegation-cancelled', JSON.parse(cancelled.value).eventId, 3))).toEqual(all);
    expect(await db.query(`SELECT 1 FROM test_request WHERE event_id = $1`, [JSON.parse(progress.value).eventId])).toHaveLength(0);
    expect(await Promise.all(changed.map((r) => localeOf(r.recipient_user_id)))).toEqual(expect.arrayContaining(['en', 'zh', 'en']));
  });

  it('tells the coordinators of both sides when the itinerary changes, in the host city zone', async () => {
    const e = envelope('itinerary.changed', delegationId, { delegationId, activityId: randomUUID(), change: 'updated', title: 'City hall reception', startsAt: '2027-07-03T17:00:00Z',
      endsAt: '2027-07-03T19:00:00Z', startsLocal: '2027-07-03T10:00:00', endsLocal: '2027-07-03T12:00:00', timeZone: 'America/Los_Angeles' });
    await send(Topics.delegationEvents, e);
    const rows = await recipientsOf('itinerary-changed', JSON.parse(e.value).eventId, 2);
    expect(who(rows)).toEqual(ids(u.coordA, u.coordB));
    expect(rows[0]).toMatchObject({ time_zone: 'America/Los_Angeles', data: { activityTitle: 'City hall reception', change: 'updated' } });
  });

  it('raises welfare alerts and overdue incident escalations to the youth managers and admins, in their languages', async () => {
    const { welfare, overdue } = safeguardingEvents();
    await send(Topics.participantEvents, welfare);
    await send(Topics.incidentEvents, overdue);
    const w = await recipientsOf('welfare-alert', JSON.parse(welfare.value).eventId, 2);
    expect(who(w)).toEqual(ids(u.youthA, u.adminA));
    expect(w[0].data).toMatchObject({ participantName: 'Mei Lin', welfareRating: 1, delegationTitle: 'Fuzhou students 2027' });
    expect(await localeOf(u.youthA.id)).toBe('es');
    expect(who(await recipientsOf('incident-escalation', JSON.parse(overdue.value).eventId, 2))).toEqual(ids(u.youthA, u.adminA));
  });

  describe('offers', () => {
    const now = Date.now();
    const offers = { mei: randomUUID(), wei: randomUUID(), meiAgain: randomUUID() };
    const made = (offerId: string, m: typeof mei, familyId: string, host: { id: string }, guestGivenName: string, deadlineAt: Date, origin = 'matching', eventId = randomUUID()) =>
      envelope('offer.made', delegationId, { offerId, delegationId, ...m, familyId, hostUserIds: [host.id], guestGivenName, deadlineAt: deadlineAt.toISOString(), origin }, orgA, eventId);
    const outcome = (type: string, offerId: string, m: typeof mei, familyId: string, host: { id: string }, extra: object) =>
      envelope(type, delegationId, { offerId, delegationId, ...m, familyId, hostUserIds: [host.id], ...extra });

    it('offers a guest to the family hosts with the deadline, in the host language; the same event twice makes one notification', async () => {
      const eventId = randomUUID();
      const first = made(offers.mei, mei, fam.ruiz, u.hostEs, 'Mei', new Date(now + 48 * 3600_000), 'matching', eventId);
      await send(Topics.placementEvents, first, first, made(offers.wei, wei, fam.chen, u.hostFr, 'Wei', new Date(now + 10 * 3600_000)));
      const [r] = await recipientsOf('offer-made', eventId, 1);
      expect(r.recipient_user_id).toBe(u.hostEs.id);
      expect(r.data).toMatchObject({ hostName: 'Rosa Ruiz', guestName: 'Mei', hostCity: 'Tacoma', deadline: new Date(now + 48 * 3600_000).toISOString(), offerUrl: `https://twinning.example/offers/${offers.mei}` });
      expect(await localeOf(r.recipient_user_id)).toBe('es');
      await eventually(async () => expect(await requests('offer-made')).toHaveLength(2), { timeoutMs: 30000, intervalMs: 200 });
    });

    it('reminds the hosts once, 24 h before an open offer deadline', async () => {
      expect(await reminders.remindDue(new Date(now))).toBe(1); // Wei's offer: 10 h left
      expect(await reminders.remindDue(new Date(now))).toBe(0);
      expect(await reminders.remindDue(new Date(now + 60_000))).toBe(0);
      const [r] = await requests('offer-reminder');
      expect(r).toMatchObject({ recipient_user_id: u.hostFr.id, data: { guestName: 'Wei', hostName: 'Chen Jie' } });
      expect(await localeOf(r.recipient_user_id)).toBe('zh');
      expect(await reminders.remindDue(new Date(now + 30 * 3600_000))).toBe(1); // Mei's offer: now within 24 h
      expect(await reminders.remindDue(new Date(now + 31 * 3600_000))).toBe(0);
      expect(who(await requests('offer-reminder'))).toEqual(ids(u.hostEs, u.hostFr));
    });

    it('tells the host organisation coordinators of answers, and of a re-match as one message', async () => {
      const declined = outcome('offer.declined', offers.wei, wei, fam.chen, u.hostFr, { byUserId: u.hostFr.id, reason: 'family emergency' });
      const accepted = outcome('offer.accepted', offers.mei, mei, fam.ruiz, u.hostEs, { byUserId: u.hostEs.id, awaitingGuardianConsent: true });
      const moved = outcome('offer.withdrawn', offers.mei, mei, fam.ruiz, u.hostEs, { kind: 'moved-by-rematch', reason: 'moved by an automatic re-match to place another guest' });
      const remade = made(offers.meiAgain, mei, fam.chen, u.hostFr, 'Mei', new Date(now + 72 * 3600_000), 'rematch');
      const hostWithdrew = outcome('offer.withdrawn', offers.meiAgain, mei, fam.chen, u.hostFr, { kind: 'host-withdrew', reason: 'we are moving', byUserId: u.hostFr.id });
      const expired = outcome('offer.expired', offers.wei, wei, fam.chen, u.hostFr, { deadlineAt: new Date(now).toISOString() });
      await send(Topics.placementEvents, declined, accepted, moved, remade, hostWithdrew, expired);
      const d = await recipientsOf('offer-declined', JSON.parse(declined.value).eventId, 1);
      expect(d[0]).toMatchObject({ recipient_user_id: u.coordA.id, data: { reason: 'family emergency', hostFamilyName: 'Chen', guestName: 'Wei' } });
      expect((await recipientsOf('offer-accepted', JSON.parse(accepted.value).eventId, 1))[0].data).toMatchObject({ awaitingGuardianConsent: true, hostFamilyName: 'Ruiz' });
      const re = await recipientsOf('offer-rematched', JSON.parse(remade.value).eventId, 1);
      expect(re[0]).toMatchObject({ recipient_user_id: u.coordA.id, data: { guestName: 'Mei', newFamilyName: 'Chen' } });
      expect(who(await recipientsOf('offer-made', JSON.parse(remade.value).eventId, 1))).toEqual([u.hostFr.id]);
      expect(await requests('offer-withdrawn', JSON.parse(moved.value).eventId)).toHaveLength(0); // folded into offer-rematched
      expect((await recipientsOf('offer-withdrawn', JSON.parse(hostWithdrew.value).eventId, 1))[0].data).toMatchObject({ reason: 'we are moving' });
      expect(who(await recipientsOf('offer-expired', JSON.parse(expired.value).eventId, 1))).toEqual([u.coordA.id]);
      // answered offers are not reminded
      expect(await reminders.remindDue(new Date(now + 60 * 3600_000))).toBe(0);
    });
  });

  it('sends the welcome packets when a placement is confirmed: arrival, pickup and the emergency contact to the hosts; the guest packet to the owner coordinators', async () => {
    const segmentId = randomUUID();
    const runId = randomUUID();
    const segment = { segmentId, delegationId, memberIds: [mei.memberId, wei.memberId], mode: 'flight', carrier: 'Delta', number: 'DL 128', from: 'PVG', to: 'SEA',
      departureAt: '2027-07-01T05:00:00Z', departureLocal: '2027-07-01T13:00:00', departureTimeZone: 'Asia/Shanghai', arrivalAt: '2027-07-01T17:30:00Z', arrivalLocal: '2027-07-01T10:30:00',
      arrivalTimeZone: 'America/Los_Angeles', status: 'booked', direction: 'arrival' };
    const pickup = (id: string, memberIds: string[]) => ({ runId: id, delegationId, airport: 'SEA', meetingAt: '2027-07-01T18:30:00Z', meetingLocal: '2027-07-01T11:30:00', timeZone: 'America/Los_Angeles',
      memberIds, seats: 8, driverKind: 'volunteer', driverName: 'Sam Driver', dropOffs: [{ kind: 'homestay', label: 'Ruiz family', memberIds }], maxWaitMinutes: 60 });
    const planned = envelope('pickup.planned', delegationId, pickup(runId, [mei.memberId]));
    await send(Topics.travelEvents, envelope('segment.booked', delegationId, segment), planned);
    // before any placement is confirmed, a pickup reaches the coordinators only
    expect(who(await recipientsOf('pickup-planned', JSON.parse(planned.value).eventId, 2))).toEqual(ids(u.coordA, u.coordB));
    await readModel(`SELECT 1 FROM rcp_pickup WHERE run_id = $1`, [runId], 1);
    await readModel(`SELECT 1 FROM rcp_segment WHERE segment_id = $1`, [segmentId], 1);

    const confirmed = envelope('placement.confirmed', delegationId, { offerId: randomUUID(), delegationId, ...mei, familyId: fam.ruiz, hostUserIds: [u.hostEs.id], familyName: 'Ruiz',
      address: '12 Elm St, Tacoma, WA', stayFrom: '2027-07-01', stayTo: '2027-07-10' });
    await send(Topics.placementEvents, confirmed);
    const briefing = envelope('placement.host-briefing', delegationId, { offerId: JSON.parse(confirmed.value).payload.offerId, delegationId, ...mei, familyId: fam.ruiz, familyName: 'Ruiz',
      hostUserIds: [u.hostEs.id], guestGivenName: 'Mei', stayFrom: '2027-07-01', stayTo: '2027-07-10', diet: ['vegetarian'], allergies: ['peanuts'], nonSmokingRequired: false });
    await send(Topics.hostBriefingEvents, briefing);
    const [host] = await recipientsOf('welcome-packet-host', JSON.parse(briefing.value).eventId, 1);
    expect(host).toMatchObject({ recipient_user_id: u.hostEs.id, time_zone: 'America/Los_Angeles', data: {
      hostName: 'Rosa Ruiz', guestName: 'Mei', arrivalDateTime: '2027-07-01T17:30:00.000Z', stayFrom: '2027-07-01', stayTo: '2027-07-10',
      pickup: { time: '2027-07-01T18:30:00.000Z', airport: 'SEA', driver: 'Sam Driver' }, needs: { dietCodes: ['vegetarian'], dietNote: null, allergyCodes: ['peanut'], allergyNote: null },
      emergencyContact: { name: 'Ana Coordinator (Tacoma Sister Cities)', phone: 'ana@tacoma.example' },
    } });
    expect(await localeOf(host.recipient_user_id)).toBe('es');
    const [guest] = await recipientsOf('welcome-packet-guest', JSON.parse(confirmed.value).eventId, 1);
    expect(guest).toMatchObject({ recipient_user_id: u.coordA.id, data: { guestName: 'Mei Lin', hostFamilyName: 'Ruiz', hostAddress: '12 Elm St, Tacoma, WA' } });

    // once the placement is in the read model, a pickup dropping Mei off reaches her hosts too
    await readModel(`SELECT 1 FROM rcp_placement WHERE member_id = $1 AND status = 'confirmed'`, [mei.memberId], 1);
    const second = envelope('pickup.planned', delegationId, pickup(randomUUID(), [mei.memberId]));
    await send(Topics.travelEvents, second);
    const rows = await recipientsOf('pickup-planned', JSON.parse(second.value).eventId, 3);
    expect(who(rows)).toEqual(ids(u.coordA, u.coordB, u.hostEs));
    expect(rows[0]).toMatchObject({ time_zone: 'America/Los_Angeles', data: { airport: 'SEA', driverName: 'Sam Driver', dropOffs: ['Ruiz family'] } });
  });

  it('reminds the family organisation coordinators and the family hosts of an expiring background check', async () => {
    const e = envelope('family.vetting-expiring', fam.ruiz, { familyId: fam.ruiz, checkId: randomUUID(), memberId: ruizParent, expiresOn: '2027-08-01', evaluatedOn: '2027-07-02' });
    await send(Topics.familyEvents, e);
    const rows = await recipientsOf('vetting-expiring', JSON.parse(e.value).eventId, 2);
    expect(who(rows)).toEqual(ids(u.coordA, u.hostEs));
    expect(rows[0].data).toMatchObject({ familyName: 'Ruiz', memberName: 'parent', expiresOn: '2027-08-01' });
  });

  it('asks the youth managers (only them) to review a household whose members a host changed, with counts and no names', async () => {
    const e = envelope('family.household-review-requested', fam.ruiz, { familyId: fam.ruiz, changeId: randomUUID(), changedByUserId: u.hostEs.id, changedAt: '2027-07-02T08:00:00.000Z',
      added: [], removed: [randomUUID()], birthDateChanged: [ruizParent] });
    await send(Topics.familyEvents, e);
    const rows = await recipientsOf('household-review', JSON.parse(e.value).eventId, 1);
    expect(who(rows)).toEqual(ids(u.youthA));
    expect(rows[0].data).toMatchObject({ familyName: 'Ruiz', added: 0, removed: 1, birthDateChanged: 1, reviewUrl: expect.stringMatching(new RegExp(`/families/${fam.ruiz}/vetting$`)) });
  });

  it('tells coordinators of travel changes and conflicts; a malformed event is dead-lettered while the next flows', async () => {
    const seg = { segmentId: randomUUID(), delegationId, memberIds: [wei.memberId], mode: 'flight', from: 'PVG', to: 'SEA', departureAt: '2027-07-01T05:00:00Z', departureLocal: '2027-07-01T13:00:00',
      departureTimeZone: 'Asia/Shanghai', arrivalAt: '2027-07-01T19:30:00Z', arrivalLocal: '2027-07-01T12:30:00', arrivalTimeZone: 'America/Los_Angeles', status: 'booked', direction: 'arrival' };
    const changed = envelope('segment.changed', delegationId, { ...seg, changed: ['arrivalAt'] });
    const cancelled = envelope('segment.cancelled', delegationId, { ...seg, status: 'cancelled' });
    const conflict = { conflictId: randomUUID(), delegationId, kind: 'NO_LODGING_FOR_NIGHT', key: `NO_LODGING_FOR_NIGHT:${wei.memberId}`, memberId: wei.memberId, message: 'Wei has no bed on 2027-07-01' };
    const malformed = envelope('conflict.raised', delegationId, { ...conflict, kind: 'NOT_A_KIND', message: 42 });
    const raised = envelope('conflict.raised', delegationId, conflict);
    await send(Topics.travelEvents, changed, cancelled, malformed, raised);
    const c = await recipientsOf('travel-changed', JSON.parse(changed.value).eventId, 2);
    expect(who(c)).toEqual(ids(u.coordA, u.coordB));
    expect(c[0]).toMatchObject({ time_zone: 'America/Los_Angeles', data: { cancelled: false, from: 'PVG', to: 'SEA', departureTimeZone: 'Asia/Shanghai' } });
    expect((await recipientsOf('travel-changed', JSON.parse(cancelled.value).eventId, 2))[0].data).toMatchObject({ cancelled: true });
    expect((await recipientsOf('conflict-raised', JSON.parse(raised.value).eventId, 2))[0].data).toMatchObject({ conflictKind: 'NO_LODGING_FOR_NIGHT', message: 'Wei has no bed on 2027-07-01' });
    await eventually(async () => {
      const dead = await db.query<{ consumer_group: string }>(`SELECT consumer_group FROM dead_letter WHERE consumer_group = $1`, [`${prefix}notifications.alerts.travel`]);
      expect(dead).toHaveLength(1);
    }, { timeoutMs: 30000, intervalMs: 200 });
    expect(await requests('conflict-raised', JSON.parse(malformed.value).eventId)).toHaveLength(0);
  });

  it('tells the organisation coordinators in-app when an email could not be delivered', async () => {
    const deliveryId = randomUUID();
    const e = envelope('notification.delivery-failed', deliveryId, { deliveryId, sourceEventId: randomUUID(), notificationType: 'offer-made', channel: 'email', recipientUserId: u.hostEs.id,
      delegationId, attempts: 8, lastError: '421 try again later' });
    await send(Topics.notificationDeliveryEvents, e);
    const [r] = await recipientsOf('delivery-failed', JSON.parse(e.value).eventId, 1);
    expect(r).toMatchObject({ recipient_user_id: u.coordA.id, channels: ['in-app'], data: { failedType: 'offer-made', failedRecipientName: 'Rosa Ruiz', attempts: 8 } });
  });

  it('a member removed from an organisation hears nothing more of it', async () => {
    await send(Topics.organisationEvents, envelope('membership.removed', orgB, { organisationId: orgB, userId: u.coordB.id, previousRoles: ['coordinator'] }, orgB));
    await readModel(`SELECT 1 FROM rcp_membership WHERE user_id = $1`, [u.coordB.id], 0);
    const updated = envelope('delegation.updated', delegationId, {
      delegationId, changed: ['title'], title: 'Fuzhou students 2027 (new title)', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-07-02', endDate: '2027-07-10',
      direction: 'inbound', minorsPerAdult: 8, status: 'planning', version: 9, updatedByUserId: u.coordA.id,
    });
    await send(Topics.delegationEvents, updated);
    expect(who(await recipientsOf('delegation-changed', JSON.parse(updated.value).eventId, 2))).toEqual(ids(u.coordA, u.adminA));
  });
});
