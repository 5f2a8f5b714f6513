import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, connect, Server, Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { Topics } from '@twinning/contracts';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { eventually } from '@twinning/testing';
import { ConsumerRunner, MessagingOptions, OutboxWriter, prefixed } from '../src';
import { envelopeBytes, expectGroupAtEnd } from './support/messaging-fixtures';
import { MessagingTestContext } from './support/messaging-test-context';
import { RecordingConsumer } from './support/recording.consumer';

/**
 * Poison events are isolated: an event its handler's SQL refuses, or one that keeps failing for a reason
 * nothing classifies, is narrowed out of its batch and dead-lettered once, while the events around it are
 * applied once each and the group reaches the end of the partition. A database that cannot be reached is
 * not the events' fault: it is retried until it answers, and nothing is dead-lettered or lost.
 */
describe('ConsumerRunner poison events (real Postgres, real Kafka)', () => {
  let ctx: MessagingTestContext;

  beforeAll(async () => {
    ctx = await MessagingTestContext.open('poison');
    await ctx.startRelay(ctx.options());
  });

  afterAll(async () => {
    await ctx?.close();
  });

  async function singlePartitionTopic(options: MessagingOptions): Promise<string> {
    const topic = prefixed(options, Topics.delegationEvents);
    await ctx.testKafka.createTopic(topic, 1);
    ctx.track(topic);
    return topic;
  }

  /** Produces the events in this order on partition 0, in one request (so one fetch reads them as one batch). */
  async function produce(topic: string, events: { envelope: { aggregateId: string }; value: Buffer }[]): Promise<void> {
    await ctx.testKafka.produce(
      topic,
      events.map((e) => ({ key: e.envelope.aggregateId, value: e.value, partition: 0 })),
    );
  }

  async function deadLetterRows(groupId: string): Promise<{ offset: string; error_code: string; error: string }[]> {
    return ctx.db.query(`SELECT "offset", error_code, error FROM dead_letter WHERE consumer_group = $1 ORDER BY "offset"`, [groupId]);
  }

  async function publishedDeadLetters(dlq: string, expected: number) {
    await eventually(async () =>
      expect(await ctx.db.query(`SELECT count(*)::int AS n, count(published_at)::int AS published FROM outbox WHERE topic = $1`, [dlq])).toEqual([
        { n: expected, published: expected },
      ]),
    );
    return ctx.testKafka.readAll(dlq);
  }

  it.each([
    ['a not-null violation (23502)', `INSERT INTO test_effect (consumer_group, event_id, aggregate_id, title) VALUES ('poison-sql', $1, 'x', NULL)`, /^23502: null value in column "title"/],
    ['a data exception (22008, a date out of range)', `SELECT $1::uuid AS id, make_date(2026, 13, 1) AS d`, /^22008: date field value out of range/],
  ])('dead-letters exactly the event its SQL refuses with %s, applies the events before and after it in the same batch once each, and reaches the end', async (_label, sql, error) => {
    const options = ctx.options({ consumer: { maxAttempts: 2 } });
    const topic = await singlePartitionTopic(options);
    const writer = ctx.writer(options);
    const events = ['first', 'second', 'poison', 'fourth', 'fifth'].map((t) => envelopeBytes(writer, t));
    await produce(topic, events);
    const consumer = new RecordingConsumer('poison-sql', { sqlForTitles: { poison: sql } });
    const runner = await ctx.startRunner(consumer, options);

    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic), { timeoutMs: 20000 });
    const [poison] = events.splice(2, 1);
    for (const e of events) expect(await ctx.effects(e.envelope.eventId)).toHaveLength(1);
    expect(await ctx.effects(poison.envelope.eventId)).toEqual([]);
    expect(await ctx.inboxRows(runner.groupId, poison.envelope.eventId)).toEqual([]);
    for (const e of events) expect(await ctx.inboxRows(runner.groupId, e.envelope.eventId)).toHaveLength(1);
    const rows = await deadLetterRows(runner.groupId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ offset: '2', error_code: 'EVENT.REFUSED_BY_DATABASE' });
    expect(rows[0].error).toMatch(error);
    const dead = await publishedDeadLetters(runner.deadLetterTopic, 1);
    expect(dead).toHaveLength(1);
    expect(dead[0].value).toEqual(poison.value);
    expect(dead[0].headers).toMatchObject({ 'x-original-offset': '2', 'x-error-code': 'EVENT.REFUSED_BY_DATABASE' });
    expect(dead[0].headers['x-error']).toMatch(error);
    expect(runner.deadLettered).toBe(1);
  });

  it('narrows a batch that keeps failing with an error nothing classifies and dead-letters the culprit after maxRereads re-reads, applying the others once each', async () => {
    const options = ctx.options({ consumer: { maxAttempts: 2, maxRereads: 2, pauseAfterExhaustedMs: 100 } });
    const topic = await singlePartitionTopic(options);
    const writer = ctx.writer(options);
    const events = ['one', 'two', 'buggy', 'four'].map((t) => envelopeBytes(writer, t));
    await produce(topic, events);
    const consumer = new RecordingConsumer('poison-bug', { alwaysFailTitles: ['buggy'] });
    const runner = await ctx.startRunner(consumer, options);

    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic), { timeoutMs: 20000 });
    const [buggy] = events.splice(2, 1);
    for (const e of events) expect(await ctx.effects(e.envelope.eventId)).toHaveLength(1);
    expect(await ctx.inboxRows(runner.groupId, buggy.envelope.eventId)).toEqual([]);
    const rows = await deadLetterRows(runner.groupId);
    expect(rows).toEqual([{ offset: '2', error_code: 'EVENT.RETRIES_EXHAUSTED', error: 'handler bug on "buggy"' }]);
    // not before the batch was tried maxAttempts times on each of its first read and its 2 re-reads
    expect(consumer.calls.filter((c) => c.eventId === buggy.envelope.eventId).length).toBeGreaterThanOrEqual(2 * 3);
    const dead = await publishedDeadLetters(runner.deadLetterTopic, 1);
    expect(dead.map((m) => m.value)).toEqual([buggy.value]);
  });

  it('refuses an envelope without organisation id at the producer, and dead-letters one that another producer published', async () => {
    const options = ctx.options();
    const topic = await singlePartitionTopic(options);
    const writer = ctx.writer(options);
    const event = { type: 'delegation.created' as const, version: 1 as const, aggregateId: 'd-1', payload: envelopeBytes(writer, 'x').envelope.payload as never };
    expect(() => writer.envelope({ ...event, organisationId: null })).toThrow(
      /^OUTBOX\.INVALID_ENVELOPE: delegation\.created v1: organisationId must be the id of the organisation the event belongs to$/,
    );
    await ctx.ds.transaction(async (tx) => {
      await expect(writer.append(tx, { ...event, organisationId: null })).rejects.toThrow(/OUTBOX\.INVALID_ENVELOPE/);
    });
    // an account event may name no organisation
    const userId = randomUUID();
    expect(writer.envelope({ type: 'user.registered', version: 1, aggregateId: userId, organisationId: null, payload: { userId, email: 'a@example.org', name: 'A', language: 'en' } }).organisationId).toBeNull();

    const orphan = envelopeBytes(writer, 'no organisation');
    const withNull = { envelope: orphan.envelope, value: Buffer.from(JSON.stringify({ ...orphan.envelope, organisationId: null })) };
    const { organisationId: _dropped, ...rest } = orphan.envelope;
    const withoutField = { envelope: orphan.envelope, value: Buffer.from(JSON.stringify({ ...rest, eventId: envelopeBytes(writer, 'y').envelope.eventId })) };
    const valid = envelopeBytes(writer, 'valid after the orphans');
    await produce(topic, [withNull, withoutField, valid]);
    const consumer = new RecordingConsumer('poison-org');
    const runner = await ctx.startRunner(consumer, options);

    await eventually(async () => expect(await ctx.effects(valid.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    expect(consumer.calls.map((c) => c.eventId)).toEqual([valid.envelope.eventId]);
    const rows = await deadLetterRows(runner.groupId);
    expect(rows.map((r) => [r.offset, r.error_code])).toEqual([
      ['0', 'EVENT.INVALID'],
      ['1', 'EVENT.INVALID'],
    ]);
    for (const r of rows) expect(r.error).toBe('envelope invalid: organisationId must be the id of the organisation the event belongs to (delegation.created v1)');
    const published = await publishedDeadLetters(runner.deadLetterTopic, 2);
    expect(published.map((m) => m.value?.toString()).sort()).toEqual([withNull.value.toString(), withoutField.value.toString()].sort());
  });

  it('dead-letters a malformed message whose key holds a NUL (which no text column takes) and processes the next one', async () => {
    const options = ctx.options();
    const topic = await singlePartitionTopic(options);
    const writer = ctx.writer(options);
    const valid = envelopeBytes(writer, 'valid after the NUL key');
    await ctx.testKafka.produce(topic, [
      { key: 'bad\u0000key', value: Buffer.from('not json'), partition: 0 },
      { key: valid.envelope.aggregateId, value: valid.value, partition: 0 },
    ]);
    const runner = await ctx.startRunner(new RecordingConsumer('poison-key'), options);
    await eventually(async () => expect(await ctx.effects(valid.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    expect((await deadLetterRows(runner.groupId)).map((r) => [r.offset, r.error_code])).toEqual([['0', 'EVENT.MALFORMED']]);
    const [dead] = await publishedDeadLetters(runner.deadLetterTopic, 1);
    expect(dead.key).toBe('badkey');
    expect(dead.value).toEqual(Buffer.from('not json'));
  });

  it('retries a batch while its database refuses connections, for as long as that lasts, then applies every event once and dead-letters none', async () => {
    // every failure that is not transient is narrowed at once here, so one misclassified outage would dead-letter the events
    const options = ctx.options({ consumer: { maxAttempts: 1, maxRereads: 0, initialBackoffMs: 50, maxBackoffMs: 200 } });
    const topic = await singlePartitionTopic(options);
    const writer = ctx.writer(options);
    const proxy = await PostgresOutage.open(new URL(ctx.db.url));
    const ds = new DataSource(serviceDataSourceOptions({ url: proxy.url, entities: [], migrations: [], applicationName: 'messaging-test-outage' }));
    Object.assign(ds.options, { logging: false });
    await ds.initialize();
    const consumer = new RecordingConsumer('poison-outage');
    const runner = new ConsumerRunner(consumer, ds, ctx.kafka, new OutboxWriter(options), options);
    ctx.track(runner.deadLetterTopic);
    try {
      await runner.start();
      const before = envelopeBytes(writer, 'before the outage');
      await produce(topic, [before]);
      await eventually(async () => expect(await ctx.effects(before.envelope.eventId)).toHaveLength(1));

      await proxy.cut(); // open connections reset, new ones refused (ECONNREFUSED)
      const during = ['during one', 'during two', 'during three'].map((t) => envelopeBytes(writer, t));
      await produce(topic, during);
      // well past maxAttempts x maxRereads: the runner keeps retrying and applies nothing meanwhile
      await eventually(() => expect(runner.retried).toBeGreaterThanOrEqual(8), { timeoutMs: 20000 });
      for (const e of during) expect(await ctx.effects(e.envelope.eventId)).toEqual([]);
      expect(await deadLetterRows(runner.groupId)).toEqual([]);

      await proxy.restore();
      await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic), { timeoutMs: 20000 });
      for (const e of [before, ...during]) {
        expect(await ctx.effects(e.envelope.eventId)).toHaveLength(1);
        expect(await ctx.inboxRows(runner.groupId, e.envelope.eventId)).toHaveLength(1);
      }
      expect(await deadLetterRows(runner.groupId)).toEqual([]);
      expect(runner.deadLettered).toBe(0);
    } finally {
      await runner.stop();
      await proxy.restore();
      await ds.destroy().catch(() => undefined);
      await proxy.close();
    }
  });
});

/**
 * A TCP relay in front of the real PostgreSQL server that the test can cut (every open connection reset, the
 * port closed so new connections are refused) and restore on the same port: the consumer sees the database
 * go away and come back exactly as in an outage.
 */
class PostgresOutage {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  private constructor(private readonly target: URL) {}

  static async open(target: URL): Promise<PostgresOutage> {
    const outage = new PostgresOutage(target);
    await outage.restore();
    return outage;
  }

  get url(): string {
    const url = new URL(this.target.toString());
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
