import 'reflect-metadata';
import { Topics } from '@twinning/contracts';
import { eventually } from '@twinning/testing';
import { MessagingOptions, MessagingReadiness, OutboxRelay, prefixed, ConsumerRunner, ReadinessCheck } from '../src';
import { delegationCreated, envelopeBytes } from './support/messaging-fixtures';
import { MessagingTestContext } from './support/messaging-test-context';
import { RecordingConsumer } from './support/recording.consumer';

/** Readiness from what the runners and the relay track while they run, on the real broker and database. */
describe('MessagingReadiness (real Postgres, real Kafka)', () => {
  let ctx: MessagingTestContext;

  beforeAll(async () => {
    ctx = await MessagingTestContext.open('readiness');
    // a serialisation failure every time: the classifier takes it for transient and retries it without end
    await ctx.db.query(`CREATE FUNCTION fail_transiently(uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated serialisation failure' USING ERRCODE = '40001'; END $$`);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const failing = (checks: ReadinessCheck[]) => checks.filter((c) => !c.up).map((c) => c.name);
  const settings = { stuckAfterMs: 1500, outboxMaxAgeMs: 1500, queryTimeoutMs: 2000 };

  async function running(options: MessagingOptions, consumer: RecordingConsumer): Promise<{ relay: OutboxRelay; runner: ConsumerRunner; readiness: MessagingReadiness }> {
    const relay = await ctx.startRelay(options);
    const runner = await ctx.startRunner(consumer, options);
    return { relay, runner, readiness: new MessagingReadiness(ctx.ds, () => [runner], relay, settings) };
  }

  it('is ready when the database answers, the producer is connected, the consumer runs and the outbox drains', async () => {
    const options = ctx.options();
    const { readiness } = await running(options, new RecordingConsumer('ready-ok'));
    const writer = ctx.writer(options);
    const event = await ctx.ds.transaction((tx) => writer.append(tx, delegationCreated('applied at once')));
    await eventually(async () => expect(await ctx.effects(event.eventId)).toHaveLength(1));
    const checks = await readiness.check();
    expect(failing(checks)).toEqual([]);
    expect(checks.map((c) => c.name)).toEqual(expect.arrayContaining(['database', 'outbox', 'kafka-producer', expect.stringMatching(/^consumer:.*ready-ok$/)]));
  });

  it('names the group and partition stuck on an event that keeps failing transiently, once past the threshold', async () => {
    const options = ctx.options();
    const consumer = new RecordingConsumer('ready-stuck', { sqlForTitles: { 'keeps failing': 'SELECT fail_transiently($1::uuid)' } });
    const { runner, readiness } = await running(options, consumer);
    const topic = prefixed(options, Topics.delegationEvents);
    const writer = ctx.writer(options);
    const bad = envelopeBytes(writer, 'keeps failing');
    await ctx.testKafka.produce(topic, [{ key: bad.envelope.aggregateId, value: bad.value }]);

    await eventually(() => expect(consumer.calls.length).toBeGreaterThan(1));
    const [{ meta }] = consumer.calls;
    // retrying, but not for long yet: still ready
    expect(failing(await readiness.check(Date.now()))).toEqual([]);
    await eventually(async () => expect(failing(await readiness.check())).toEqual([`stuck:${runner.groupId}:${topic}:${meta.partition}`]), { timeoutMs: 10_000 });
    const stuck = (await readiness.check()).find((c) => !c.up)!;
    expect(stuck.detail).toContain(`partition ${meta.partition}`);
    expect(stuck.detail).toContain(`offset ${meta.offset}`);
  });

  it('names the outbox when the relay is stopped and pending rows grow older than the threshold', async () => {
    const options = ctx.options();
    const { relay, readiness } = await running(options, new RecordingConsumer('ready-outbox'));
    await ctx.stopRelays();
    const writer = ctx.writer(options);
    await ctx.ds.transaction((tx) => writer.append(tx, delegationCreated('never published')));
    await eventually(async () => expect(failing(await readiness.check())).toEqual(expect.arrayContaining(['outbox', 'kafka-producer'])), { timeoutMs: 10_000 });
    const outbox = (await readiness.check()).find((c) => c.name === 'outbox')!;
    expect(outbox.detail).toMatch(/oldest unpublished outbox row is \d+ s old/);
    await relay.start();
    await eventually(async () => expect(failing(await readiness.check())).toEqual([]), { timeoutMs: 10_000 });
  });

  it('names the database when it cannot be reached', async () => {
    const options = ctx.options();
    const { readiness } = await running(options, new RecordingConsumer('ready-db'));
    try {
      await ctx.db.refuseConnections();
      await eventually(async () => expect(failing(await readiness.check())).toEqual(expect.arrayContaining(['database', 'outbox'])), { timeoutMs: 10_000 });
    } finally {
      await ctx.db.acceptConnections();
    }
    await eventually(async () => expect(failing(await readiness.check())).not.toContain('database'), { timeoutMs: 15_000 });
  });
});
