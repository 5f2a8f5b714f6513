import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EventEnvelope, parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { logisticsApp } from '../../src/app.module';
import { LogisticsEnv } from '../../src/config/logistics-env';
import { RosterHooks } from '../../src/roster/roster-hooks';

export interface Person { memberId: string; participantId: string; givenName: string; familyName: string; lodgingNeed?: string }
export interface Delegation { title: string; hostCity: string; startDate: string; endDate: string }
export interface Participants { birthYear: number; gender: string; nationality: string; languages: string[] }
export type Caller = 'coordinator' | 'admin' | 'youth' | 'host' | 'other';

/**
 * The logistics service in-process on the real Postgres and Kafka with one delegation `d` of organisation `orgA`, its
 * members and participants produced as the delegations service publishes them; tokens per caller (`other` is of
 * `orgB`), a client scoped to the delegation's routes, the hook causes seen for `d`, and the delegation's travel events
 * read back from the broker.
 */
export function logisticsHarness(otherRole: 'coordinator' | 'admin' = 'coordinator') {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const orgA = randomUUID();
  const orgB = randomUUID();
  const d = randomUUID();
  const t = {} as Record<Caller, string>;
  const causes: string[] = [];
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;

  const envelope = (type: string, aggregateId: string, payload: object, producer = 'delegations') => ({
    key: aggregateId,
    value: JSON.stringify({ eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), organisationId: orgA, aggregateId, correlationId: randomUUID(), causationId: null,
      producer, payload }),
  });

  const as = (token: string) => ({
    get: (p: string) => request(url).get(`/api/logistics/delegations/${d}${p}`).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => request(url).post(`/api/logistics/delegations/${d}${p}`).set('authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body?: object) => request(url).patch(`/api/logistics/delegations/${d}${p}`).set('authorization', `Bearer ${token}`).send(body),
    delete: (p: string) => request(url).delete(`/api/logistics/delegations/${d}${p}`).set('authorization', `Bearer ${token}`),
  });

  /** The travel events of the delegation, once the topic holds exactly what the outbox holds for it. */
  async function events(): Promise<EventEnvelope[]> {
    return eventually(async () => {
      const msgs = (await kafka.readAll(withPrefix(prefix, Topics.travelEvents))).filter((m) => m.key === d);
      const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE message_key = $1`, [d]);
      expect(msgs.length).toBe(Number(n));
      return msgs.map((m) => parseEnvelope(m.value));
    }, { timeoutMs: 30000, intervalMs: 250 });
  }

  /** Boots the service, publishes the delegation with `people` and waits until logistics knows every one of them. */
  async function start(dbName: string, delegation: Delegation, people: Person[], participants: Participants): Promise<{ db: TestDatabase; app: INestApplication }> {
    db = await TestDatabase.create(dbName);
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
    t.other = await tokenFor({ organisationId: orgB, roles: [otherRole] });
    await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [
      envelope('delegation.created', d, { delegationId: d, ...delegation, status: 'planning' }),
      ...people.map((p) => envelope('member.added', d, { delegationId: d, memberId: p.memberId, participantId: p.participantId, role: 'delegate', lodgingNeed: p.lodgingNeed ?? 'homestay',
        isLeader: false, addedByUserId: randomUUID() })),
    ]);
    await kafka.produce(withPrefix(prefix, Topics.participantEvents), people.map((p) => envelope('participant.registered', p.participantId, {
      participantId: p.participantId, givenName: p.givenName, familyName: p.familyName, ...participants, visaStatus: 'granted', createdByUserId: randomUUID() })));
    await eventually(async () => {
      expect(await db.query(`SELECT count(*)::int AS n FROM lg_member m JOIN lg_participant p ON p.id = m.participant_id WHERE m.delegation_id = $1`, [d])).toEqual([{ n: people.length }]);
    }, { timeoutMs: 30000, intervalMs: 200 });
    return { db, app };
  }

  async function stop(): Promise<void> {
    await app?.close();
    await kafka.close();
    await db?.drop();
  }

  /** The service's base URL (for a request without a token). */
  const baseUrl = () => url;

  return { prefix, kafka, orgA, orgB, d, t, causes, envelope, as, events, start, stop, baseUrl };
}
