import 'reflect-metadata';
import { Topics } from '@twinning/contracts';
import { eventually } from '@twinning/testing';
import { MessagingOptions, prefixed } from '../src';
import { envelopeBytes, expectGroupAtEnd, groupProgress } from './support/messaging-fixtures';
import { MessagingTestContext } from './support/messaging-test-context';
import { RecordingConsumer } from './support/recording.consumer';

/**
 * Failures nothing classifies (a handler throwing a plain Error) are retried with backoff without
 * committing, then paused and re-read; nothing is lost and nothing is applied twice. Outages the
 * classifier knows to be transient are in consumer-poison.e2e-spec.ts.
 */
describe('ConsumerRunner retries (real Postgres, real Kafka)', () => {
  let ctx: MessagingTestContext;

  beforeAll(async () => {
    ctx = await MessagingTestContext.open('retry');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  async function produceEvents(options: MessagingOptions, titles: string[]) {
    const topic = prefixed(options, Topics.delegationEvents);
    const writer = ctx.writer(options);
    const aggregateId = envelopeBytes(writer, 'key').envelope.aggregateId;
    const events = titles.map((t) => envelopeBytes(writer, t, aggregateId));
    await ctx.testKafka.produce(
      topic,
      events.map((e) => ({ key: aggregateId, value: e.value })),
    );
    return { topic, events };
  }

  it('retries a handler that fails transiently three times and applies the event once', async () => {
    const options = ctx.options({ consumer: { maxAttempts: 5, initialBackoffMs: 20 } });
    const topic = prefixed(options, Topics.delegationEvents);
    const committedWhileFailing: Record<number, string>[] = [];
    const consumer = new RecordingConsumer('retry-check', {
      failFirstCalls: 3,
      beforeFailure: async () => void committedWhileFailing.push((await groupProgress(ctx.kafka, runner.groupId, topic)).committed),
    });
    const runner = await ctx.startRunner(consumer, options);
    const { events } = await produceEvents(options, ['fails three times first']);
    const [event] = events;

    await eventually(async () => expect(await ctx.effects(event.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    expect(consumer.calls.length).toBeGreaterThanOrEqual(4);
    expect(consumer.calls.slice(0, 4).map((c) => c.eventId)).toEqual(Array(4).fill(event.envelope.eventId));
    expect(await ctx.effects(event.envelope.eventId)).toHaveLength(1);
    expect(await ctx.inboxRows(runner.groupId, event.envelope.eventId)).toHaveLength(1);
    expect(runner.processed).toBe(1);
    // nothing was committed while the handler failed
    expect(committedWhileFailing).toHaveLength(3);
    for (const committed of committedWhileFailing) expect(new Set(Object.values(committed))).toEqual(new Set(['-1']));
  });

  it('pauses the partition when the attempts are exhausted, re-reads it later and still applies every event exactly once', async () => {
    const options = ctx.options({ consumer: { maxAttempts: 2, initialBackoffMs: 20, pauseAfterExhaustedMs: 200 } });
    const topic = prefixed(options, Topics.delegationEvents);
    const committedWhileFailing: Record<number, string>[] = [];
    const consumer = new RecordingConsumer('pause-check', {
      failFirstCalls: 5,
      beforeFailure: async () => void committedWhileFailing.push((await groupProgress(ctx.kafka, runner.groupId, topic)).committed),
    });
    const runner = await ctx.startRunner(consumer, options);
    const { events } = await produceEvents(options, ['first of three', 'second of three', 'third of three']);

    await eventually(async () => {
      for (const e of events) expect(await ctx.effects(e.envelope.eventId)).toHaveLength(1);
    });
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    // 5 failed calls (2 + 2 attempts, each ending in a pause, then 1 more) and at least one per event after
    expect(consumer.calls.length).toBeGreaterThanOrEqual(5 + events.length);
    for (const e of events) {
      expect(await ctx.effects(e.envelope.eventId)).toHaveLength(1);
      expect(await ctx.inboxRows(runner.groupId, e.envelope.eventId)).toHaveLength(1);
    }
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM test_effect WHERE consumer_group = 'pause-check'`)).toEqual([{ n: 3 }]);
    // nothing was committed through the failures and pauses
    expect(committedWhileFailing).toHaveLength(5);
    for (const committed of committedWhileFailing) expect(new Set(Object.values(committed))).toEqual(new Set(['-1']));
  });
});
