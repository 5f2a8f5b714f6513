import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Topics, withPrefix } from '@twinning/contracts';
import { ConsumerRunner, CreateMessagingTables1764288000000, createKafka, OutboxWriter } from '@twinning/platform-messaging';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, uniqueTopicPrefix } from '@twinning/testing';
import { CreateSessionVersions1766400000000, RecordSessionVersionsConsumer, SessionVersionRepository } from '../src';

/** The read model every service keeps, on the real broker and database: highest version wins, replays change nothing, a bad event is dead-lettered. */
describe('session versions read model (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const options = { service: 'auth-test', brokers: kafkaBrokers(), topicPrefix: prefix, partitions: 3, consumer: { initialBackoffMs: 20, maxBackoffMs: 200, pauseAfterExhaustedMs: 200 } };
  const kafka = createKafka('auth-test', kafkaBrokers());
  const testKafka = new TestKafka();
  let db: TestDatabase;
  let ds: DataSource;
  let runner: ConsumerRunner;
  let versions: SessionVersionRepository;

  const revoked = (userId: string, sessionVersion: unknown, eventId = randomUUID()) => ({
    key: userId,
    value: JSON.stringify({ eventId, type: 'user.sessions-revoked', version: 1, occurredAt: new Date().toISOString(), organisationId: null, aggregateId: userId, correlationId: randomUUID(), causationId: null, producer: 'gateway', payload: { userId, sessionVersion, reason: 'roles-changed' } }),
  });
  const send = (...m: { key: string; value: string }[]) => testKafka.produce(withPrefix(prefix, Topics.userEvents), m);
  const stored = async (userId: string) => (await db.query<{ v: number }>(`SELECT session_version AS v FROM auth_session_version WHERE user_id = $1`, [userId]))[0]?.v;

  beforeAll(async () => {
    db = await TestDatabase.create('auth_session_versions');
    ds = new DataSource(serviceDataSourceOptions({ url: db.url, entities: [], migrations: [CreateMessagingTables1764288000000, CreateSessionVersions1766400000000], applicationName: 'auth-test' }));
    Object.assign(ds.options, { logging: ['error'] });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    versions = new SessionVersionRepository(ds, 60_000);
    runner = new ConsumerRunner(new RecordSessionVersionsConsumer('auth-test.session-versions', versions), ds, kafka, new OutboxWriter(options), options);
    await runner.start();
  }, 60000);

  afterAll(async () => {
    await runner?.stop();
    await testKafka.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('keeps the highest version whatever the order, once per event, and forgets its cached answer when a newer one arrives', async () => {
    const user = randomUUID();
    expect(await versions.current(user)).toBeUndefined();
    const third = revoked(user, 3);
    await send(third, revoked(user, 2), third);
    await eventually(async () => expect(await stored(user)).toBe(3));
    // the cache (60 s here) had the user as unknown; the consumer told it to forget
    expect(await versions.current(user)).toBe(3);
    expect(await db.query(`SELECT 1 FROM inbox WHERE consumer_group = $1`, [`${prefix}auth-test.session-versions`])).toHaveLength(2);

    await send(revoked(user, 5));
    await eventually(async () => expect(await versions.current(user)).toBe(5));
  });

  it('dead-letters an event whose version is not a whole number above 0, and the next one still flows', async () => {
    const user = randomUUID();
    await send(revoked(user, 0), revoked(user, 'two'), revoked(user, 4));
    await eventually(async () => expect(await stored(user)).toBe(4));
    await eventually(async () => expect(await db.query(`SELECT 1 FROM dead_letter WHERE consumer_group = $1`, [`${prefix}auth-test.session-versions`])).toHaveLength(2));
  });
});
