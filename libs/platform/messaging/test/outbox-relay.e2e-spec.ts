import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { EventEnvelope, Topics } from '@twinning/contracts';
import { runWithCorrelation } from '@twinning/platform-observability';
import { eventually } from '@twinning/testing';
import { ensureTopics, MessagingOptions, OutboxRelay, OutboxWriter, prefixed } from '../src';
import { delegationCreated } from './support/messaging-fixtures';
import { MessagingTestContext } from './support/messaging-test-context';

interface Received {
  key: string | null;
  envelope: EventEnvelope & { payload: { title: string } };
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

/**
 * Outbox → relay → Kafka against the real broker and a fresh database. The relay's safety poll is
 * set to a minute, so everything this file sees on time was woken by the outbox trigger's NOTIFY.
 */
describe('OutboxWriter + OutboxRelay (real Postgres, real Kafka)', () => {
  const IDLE_POLL_MS = 60_000;
  let ctx: MessagingTestContext;
  let options: MessagingOptions;
  let writer: OutboxWriter;
  let topic: string;
  let collector: Consumer;
  let relay: OutboxRelay;
  const received: Received[] = [];

  const receivedEvent = (eventId: string): Received | undefined => received.find((m) => m.envelope.eventId === eventId);
  const append = (title: string, overrides: Parameters<typeof delegationCreated>[1] = {}) =>
    ctx.ds.transaction((tx) => writer.append(tx, delegationCreated(title, overrides)));

  beforeAll(async () => {
    ctx = await MessagingTestContext.open('outbox_relay');
    options = ctx.options({ relay: { idlePollMs: IDLE_POLL_MS } });
    writer = ctx.writer(options);
    topic = prefixed(options, Topics.delegationEvents);
    await ensureTopics(ctx.kafka, [topic], 3);
    ctx.track(topic);

    // an independent reader of everything the relay puts on the topic
    collector = ctx.testKafka.kafka.consumer({ groupId: `${options.topicPrefix}collector`, maxWaitTimeInMs: 20 });
    await collector.connect();
    await collector.subscribe({ topic, fromBeginning: true });
    await collector.run({
      eachMessage: async ({ partition, message }) => {
        received.push({
          key: message.key?.toString() ?? null,
          envelope: JSON.parse(message.value!.toString()),
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? ''])),
          partition,
          offset: message.offset,
        });
      },
    });

    relay = await ctx.startRelay(options);
  });

  afterAll(async () => {
    await collector?.disconnect();
    await ctx?.close();
  });

  it('publishes an event whose transaction committed (key = aggregate id, x-correlation-id header) and never one whose transaction rolled back', async () => {
    const correlationId = `corr-${randomUUID()}`;
    let rolledBack: EventEnvelope | undefined;
    await expect(
      ctx.ds.transaction(async (tx) => {
        rolledBack = await writer.append(tx, delegationCreated('rolled back', { correlationId }));
        throw new Error('business rule failed after the event was appended');
      }),
    ).rejects.toThrow('business rule failed');
    expect(rolledBack).toBeDefined();

    const committed = await append('committed', { correlationId });
    // correlation id taken from the ambient context (request or consumed event) when not given
    const ambientId = `ambient-${randomUUID()}`;
    const ambient = await runWithCorrelation({ correlationId: ambientId }, () => append('ambient correlation'));

    const msg = await eventually(() => {
      const m = receivedEvent(committed.eventId);
      expect(m).toBeDefined();
      return m!;
    });
    expect(msg.key).toBe(committed.aggregateId);
    expect(msg.headers['x-correlation-id']).toBe(correlationId);
    expect(msg.headers['x-event-type']).toBe('delegation.created');
    expect(msg.envelope).toEqual(JSON.parse(JSON.stringify(committed)));
    expect(msg.envelope.correlationId).toBe(correlationId);

    const ambientMsg = await eventually(() => {
      const m = receivedEvent(ambient.eventId);
      expect(m).toBeDefined();
      return m!;
    });
    expect(ambientMsg.key).toBe(ambient.aggregateId);
    expect(ambientMsg.headers['x-correlation-id']).toBe(ambientId);
    expect(ambientMsg.envelope.correlationId).toBe(ambientId);

    // the rolled-back event was appended BEFORE the committed ones, which the relay publishes in
    // outbox order: it had its chance, and it is neither in the outbox nor on the topic
    expect(await ctx.db.query(`SELECT event_id FROM outbox WHERE event_id = $1`, [rolledBack!.eventId])).toEqual([]);
    const onTopic = await ctx.testKafka.readAll(topic);
    const ids = onTopic.map((m) => JSON.parse(m.value!.toString()).eventId);
    expect(ids).toEqual(expect.arrayContaining([committed.eventId, ambient.eventId]));
    expect(ids).not.toContain(rolledBack!.eventId);
    expect(receivedEvent(rolledBack!.eventId)).toBeUndefined();
  });

  it("delivers the events of one aggregate in the order they were committed, on one partition", async () => {
    const a = randomUUID();
    const b = randomUUID();
    const written: EventEnvelope[] = [];
    for (let i = 0; i < 10; i++) {
      written.push(await append(`A ${i}`, { aggregateId: a }));
      written.push(await append(`B ${i}`, { aggregateId: b }));
    }
    // and a few of each appended together in one transaction
    written.push(
      ...(await ctx.ds.transaction(async (tx) => [
        await writer.append(tx, delegationCreated('A 10', { aggregateId: a })),
        await writer.append(tx, delegationCreated('B 10', { aggregateId: b })),
        await writer.append(tx, delegationCreated('A 11', { aggregateId: a })),
      ])),
    );

    await eventually(() => expect(written.filter((e) => !receivedEvent(e.eventId))).toEqual([]));
    const ofA = received.filter((m) => m.key === a);
    const ofB = received.filter((m) => m.key === b);
    expect(ofA.map((m) => m.envelope.payload.title)).toEqual([...Array(12).keys()].map((i) => `A ${i}`));
    expect(ofB.map((m) => m.envelope.payload.title)).toEqual([...Array(11).keys()].map((i) => `B ${i}`));
    expect(new Set(ofA.map((m) => m.partition)).size).toBe(1);
    expect(new Set(ofB.map((m) => m.partition)).size).toBe(1);
    // offsets increase along the aggregate's events (the collector sees one partition in order)
    const offsetsA = ofA.map((m) => BigInt(m.offset));
    expect(offsetsA).toEqual([...offsetsA].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it(`wakes on NOTIFY: with a ${IDLE_POLL_MS} ms safety poll a committed event is consumed within seconds`, async () => {
    const PROMPT_MS = 5000;
    // three rounds, each started once the relay has drained everything and gone back to sleep
    for (let round = 0; round < 3; round++) {
      await eventually(async () => expect(await ctx.db.query(`SELECT id FROM outbox WHERE published_at IS NULL`)).toEqual([]));
      const started = Date.now();
      const event = await append(`notify round ${round}`);
      await eventually(() => expect(receivedEvent(event.eventId)).toBeDefined(), { timeoutMs: PROMPT_MS, intervalMs: 10 });
      expect(Date.now() - started).toBeLessThan(PROMPT_MS);
    }
  });

  it('publishes a backlog bigger than one Kafka request may carry (1000 rows of 5 KB)', async () => {
    const bulkTopic = `${options.topicPrefix}bulk`;
    await ensureTopics(ctx.kafka, [bulkTopic], 3);
    ctx.track(bulkTopic);
    const ROWS = 1000;
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      eventId: randomUUID(),
      topic: bulkTopic,
      key: `key-${i}`,
      value: Buffer.alloc(5 * 1024, i % 256),
      headers: { 'x-correlation-id': `bulk-${i}` },
    }));
    await ctx.ds.transaction((tx) => writer.insertRows(tx, rows));

    await eventually(
      async () => expect(await ctx.db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = $1 AND published_at IS NULL`, [bulkTopic])).toEqual([{ n: 0 }]),
      { timeoutMs: 20000 },
    );
    const admin = ctx.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(bulkTopic);
      expect(ends.reduce((n, p) => n + Number(p.high), 0)).toBe(ROWS);
    } finally {
      await admin.disconnect();
    }
  });

  it('listens and leads on the DataSource\'s own database when the DataSource has host/port/database settings instead of a url', async () => {
    await relay.stop(); // this file's relay steps down
    const url = new URL(ctx.db.url);
    const { url: _url, ...rest } = serviceDataSourceOptions({ url: ctx.db.url, entities: [], migrations: [] }) as PostgresConnectionOptions;
    const discrete = new DataSource({
      ...rest,
      host: url.hostname,
      port: Number(url.port || 5432),
      username: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password) || undefined,
      database: url.pathname.slice(1),
    });
    await discrete.initialize();
    const other = new OutboxRelay(discrete, ctx.kafka, options);
    try {
      await other.start();
      const event = await append('relayed through a url-less DataSource');
      // prompt, so woken by NOTIFY on the right database (the safety poll is a minute)
      await eventually(() => expect(receivedEvent(event.eventId)).toBeDefined(), { timeoutMs: 5000 });
      expect(other.published).toBe(1);
      // and it holds the relay's advisory lock in this database
      expect(
        await ctx.db.query(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND d.datname = $1`, [ctx.db.name]),
      ).toEqual([{ n: 1 }]);
    } finally {
      await other.stop();
      await discrete.destroy();
    }
  });
});
