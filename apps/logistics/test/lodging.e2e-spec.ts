import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EventEnvelope, parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { logisticsApp } from '../src/app.module';
import { LogisticsEnv } from '../src/config/logistics-env';
import { RosterHooks } from '../src/roster/roster-hooks';

/**
 * Lodging in-process on the real Postgres and Kafka: hotel stays recorded through the API, homestays from the
 * placement events host matching publishes (each announced once as lodging.assigned, however often it is
 * confirmed), and the night-by-night view with its gaps.
 */
describe('logistics lodging (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const orgA = randomUUID();
  const orgB = randomUUID();
  const d = randomUUID();
  const people = {
    hotel: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Hana', familyName: 'Otel', lodgingNeed: 'hotel' },
    early: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Eli', familyName: 'Early', lodgingNeed: 'homestay' },
    late: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Lou', familyName: 'Late', lodgingNeed: 'homestay' },
    driver: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Dee', familyName: 'Self', lodgingNeed: 'none' },
  };
  const offers = { early: randomUUID(), late: randomUUID() };
  const families = { ruiz: randomUUID(), olsen: randomUUID() };
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const t = {} as Record<'coordinator' | 'admin' | 'youth' | 'host' | 'other', string>;
  const causes: string[] = [];

  const as = (token: string) => ({
    get: (p: string) => request(url).get(`/api/logistics/delegations/${d}${p}`).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => request(url).post(`/api/logistics/delegations/${d}${p}`).set('authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body?: object) => request(url).patch(`/api/logistics/delegations/${d}${p}`).set('authorization', `Bearer ${token}`).send(body),
    delete: (p: string) => request(url).delete(`/api/logistics/delegations/${d}${p}`).set('authorization', `Bearer ${token}`),
  });

  const envelope = (type: string, aggregateId: string, payload: object, producer = 'delegations') => ({
    key: aggregateId,
    value: JSON.stringify({ eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), organisationId: orgA, aggregateId, correlationId: randomUUID(), causationId: null,
      producer, payload }),
  });

  const confirmed = (who: 'early' | 'late', family: 'ruiz' | 'olsen', stayFrom: string) => envelope('placement.confirmed', d, {
    offerId: offers[who], delegationId: d, memberId: people[who].memberId, participantId: people[who].participantId, familyId: families[family], hostUserIds: [],
    familyName: family === 'ruiz' ? 'Ruiz' : 'Olsen', address: `${family} house, Tacoma`, latitude: 47.2, longitude: -122.4, stayFrom, stayTo: '2027-06-06' }, 'host-matching');

  async function events(): Promise<EventEnvelope[]> {
    return eventually(async () => {
      const msgs = (await kafka.readAll(withPrefix(prefix, Topics.travelEvents))).filter((m) => m.key === d);
      const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE message_key = $1`, [d]);
      expect(msgs.length).toBe(Number(n));
      return msgs.map((m) => parseEnvelope(m.value));
    }, { timeoutMs: 30000, intervalMs: 250 });
  }

  const summary = async () => {
    const v = (await as(t.youth).get('/lodging/nights').expect(200)).body as { nights: { date: string; members: { name: string; status: string; places: { place: string }[] }[] }[] };
    return v.nights.map((n) => `${n.date} ${n.members.map((m) => `${m.name}:${m.status === 'ok' ? m.places[0].place : m.status}`).join(', ')}`);
  };

  beforeAll(async () => {
    db = await TestDatabase.create('logistics_lodging');
    for (const topic of [Topics.delegationEvents, Topics.participantEvents, Topics.placementEvents]) await kafka.createTopic(withPrefix(prefix, topic), 3);
    const env = loadEnv(LogisticsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' });
    app = await createServiceApp(logisticsApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    app.get(RosterHooks).register('test', async (_tx, change) => {
      if (change.delegationId === d) causes.push(change.cause);
    });
    t.coordinator = await tokenFor({ organisationId: orgA, roles: ['coordinator'], userId: randomUUID() });
    t.admin = await tokenFor({ organisationId: orgA, roles: ['admin'] });
    t.youth = await tokenFor({ organisationId: orgA, roles: ['youth-manager'] });
    t.host = await tokenFor({ organisationId: orgA, roles: ['host'], userId: randomUUID() });
    t.other = await tokenFor({ organisationId: orgB, roles: ['admin'] });
    await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [
      envelope('delegation.created', d, { delegationId: d, title: 'Fuzhou engineers', hostCity: 'Tacoma', startDate: '2027-06-02', endDate: '2027-06-06', status: 'planning' }),
      ...Object.values(people).map((p) => envelope('member.added', d, { delegationId: d, memberId: p.memberId, participantId: p.participantId, role: 'delegate', lodgingNeed: p.lodgingNeed,
        isLeader: false, addedByUserId: randomUUID() })),
    ]);
    await kafka.produce(withPrefix(prefix, Topics.participantEvents), Object.values(people).map((p) => envelope('participant.registered', p.participantId, {
      participantId: p.participantId, givenName: p.givenName, familyName: p.familyName, birthYear: 1980, gender: 'male', languages: ['zh'], nationality: 'CN', visaStatus: 'granted',
      createdByUserId: randomUUID() })));
    await eventually(async () => {
      expect(await db.query(`SELECT count(*)::int AS n FROM lg_member m JOIN lg_participant p ON p.id = m.participant_id WHERE m.delegation_id = $1`, [d])).toEqual([{ n: 4 }]);
    }, { timeoutMs: 30000, intervalMs: 200 });
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('shows every night of the visit, with gaps, from hotel stays and confirmed placements; each placement announced once', async () => {
    expect(await summary()).toEqual([
      '2027-06-02 Dee Self:not-needed, Eli Early:gap, Hana Otel:gap, Lou Late:gap',
      '2027-06-03 Dee Self:not-needed, Eli Early:gap, Hana Otel:gap, Lou Late:gap',
      '2027-06-04 Dee Self:not-needed, Eli Early:gap, Hana Otel:gap, Lou Late:gap',
      '2027-06-05 Dee Self:not-needed, Eli Early:gap, Hana Otel:gap, Lou Late:gap',
    ]);
    const stay = (await as(t.coordinator).post('/hotel-stays', { memberId: people.hotel.memberId, hotel: 'Hotel Murano', room: '301', checkIn: '2027-06-02', checkOut: '2027-06-05' })
      .expect(201)).body;
    expect(stay).toMatchObject({ hotel: 'Hotel Murano', room: '301', checkIn: '2027-06-02', checkOut: '2027-06-05', nights: 3, version: 1 });
    await kafka.produce(withPrefix(prefix, Topics.placementEvents), [confirmed('early', 'ruiz', '2027-06-02'), confirmed('late', 'olsen', '2027-06-03')]);
    // confirmed again (a redelivery, or a re-confirmation): announced once all the same
    await kafka.produce(withPrefix(prefix, Topics.placementEvents), [confirmed('early', 'ruiz', '2027-06-02')]);
    await eventually(() => expect(causes.filter((c) => c === 'placement.confirmed')).toHaveLength(3), { timeoutMs: 30000, intervalMs: 200 });

    const v = (await as(t.coordinator).get('/lodging/nights').expect(200)).body;
    expect(v.gaps).toEqual([
      { date: '2027-06-02', memberId: people.late.memberId, name: 'Lou Late' },
      { date: '2027-06-05', memberId: people.hotel.memberId, name: 'Hana Otel' },
    ]);
    expect(await summary()).toEqual([
      '2027-06-02 Dee Self:not-needed, Eli Early:Ruiz, Hana Otel:Hotel Murano, Lou Late:gap',
      '2027-06-03 Dee Self:not-needed, Eli Early:Ruiz, Hana Otel:Hotel Murano, Lou Late:Olsen',
      '2027-06-04 Dee Self:not-needed, Eli Early:Ruiz, Hana Otel:Hotel Murano, Lou Late:Olsen',
      '2027-06-05 Dee Self:not-needed, Eli Early:Ruiz, Hana Otel:gap, Lou Late:Olsen',
    ]);
    expect(v.nights[1].members.find((m: { memberId: string }) => m.memberId === people.hotel.memberId).places).toEqual([
      { kind: 'hotel', place: 'Hotel Murano', room: '301', address: null, stayId: stay.id },
    ]);

    // one more night at the hotel closes the last gap of the hotel guest
    await as(t.admin).patch(`/hotel-stays/${stay.id}`, { checkOut: '2027-06-06', version: 1 }).expect(200);
    expect((await as(t.coordinator).get('/lodging/nights').expect(200)).body.gaps).toEqual([{ date: '2027-06-02', memberId: people.late.memberId, name: 'Lou Late' }]);

    const lodging = (await events()).filter((e) => e.type === 'lodging.assigned');
    expect(lodging.map((e) => e.payload)).toEqual(expect.arrayContaining([
      { delegationId: d, memberId: people.hotel.memberId, kind: 'hotel', place: 'Hotel Murano', room: '301', checkIn: '2027-06-02', checkOut: '2027-06-05' },
      { delegationId: d, memberId: people.hotel.memberId, kind: 'hotel', place: 'Hotel Murano', room: '301', checkIn: '2027-06-02', checkOut: '2027-06-06' },
      { delegationId: d, memberId: people.early.memberId, kind: 'homestay', place: 'Ruiz', checkIn: '2027-06-02', checkOut: '2027-06-06', familyId: families.ruiz },
      { delegationId: d, memberId: people.late.memberId, kind: 'homestay', place: 'Olsen', checkIn: '2027-06-03', checkOut: '2027-06-06', familyId: families.olsen },
    ]));
    expect(lodging).toHaveLength(4);
    expect(await db.query(`SELECT count(*)::int AS n FROM lodging_homestay_announced WHERE delegation_id = $1`, [d])).toEqual([{ n: 2 }]);
    expect(causes.filter((c) => c === 'lodging.assigned').length).toBeGreaterThanOrEqual(3);

    // removed: the nights show the gaps again, and the features are told
    await as(t.coordinator).delete(`/hotel-stays/${stay.id}`).expect(204);
    await as(t.coordinator).delete(`/hotel-stays/${stay.id}`).expect(204);
    expect((await as(t.coordinator).get('/lodging/nights').expect(200)).body.gaps).toHaveLength(5);
    expect(causes).toContain('lodging.removed');
  });

  it('rejects a stay that ends before it starts, a non-member and an overlapping stay', async () => {
    const base = { memberId: people.hotel.memberId, hotel: 'Hotel Murano', checkIn: '2027-06-02', checkOut: '2027-06-04' };
    const e1 = await as(t.coordinator).post('/hotel-stays', { ...base, checkOut: '2027-06-02' }).expect(400);
    expect(e1.body).toMatchObject({ code: 'LODGING.CHECK_OUT_NOT_AFTER_CHECK_IN', fields: [expect.objectContaining({ field: 'checkOut' })] });
    expect((await as(t.coordinator).post('/hotel-stays', { ...base, memberId: randomUUID() }).expect(400)).body.fields[0].field).toBe('memberId');
    expect((await as(t.coordinator).post('/hotel-stays', { ...base, checkIn: '2027-02-30' }).expect(400)).body.fields[0].field).toBe('checkIn');
    const first = (await as(t.coordinator).post('/hotel-stays', base).expect(201)).body;
    expect((await as(t.coordinator).post('/hotel-stays', { ...base, checkIn: '2027-06-03', checkOut: '2027-06-05' }).expect(409)).body).toMatchObject({ code: 'LODGING.STAY_OVERLAPS',
      details: { stayId: first.id } });
    // back to back is fine
    await as(t.coordinator).post('/hotel-stays', { ...base, hotel: 'Hotel Bay', checkIn: '2027-06-04', checkOut: '2027-06-06' }).expect(201);
    expect((await as(t.youth).get(`/hotel-stays?memberId=${people.hotel.memberId}`).expect(200)).body.items.map((s: { hotel: string }) => s.hotel)).toEqual(['Hotel Murano', 'Hotel Bay']);
    expect((await as(t.coordinator).patch(`/hotel-stays/${first.id}`, { room: '12', version: 7 }).expect(409)).body.code).toBe('HOTEL_STAY.VERSION_CONFLICT');
  });

  it('lets staff read, coordinators and admins write, and refuses hosts and other organisations', async () => {
    const body = { memberId: people.driver.memberId, hotel: 'Hotel Murano', checkIn: '2027-06-02', checkOut: '2027-06-03' };
    await as(t.youth).post('/hotel-stays', body).expect(403);
    await as(t.host).get('/lodging/nights').expect(403);
    await as(t.host).get('/hotel-stays').expect(403);
    await as(t.other).get('/lodging/nights').expect(404);
    await as(t.other).post('/hotel-stays', body).expect(404);
    await as(t.other).delete(`/hotel-stays/${randomUUID()}`).expect(404);
    await as(t.coordinator).patch(`/hotel-stays/${randomUUID()}`, { room: '1' }).expect(404);
  });
});
