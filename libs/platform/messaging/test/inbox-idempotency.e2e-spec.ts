import 'reflect-metadata';
import { Topics } from '@twinning/contracts';
import { eventually } from '@twinning/testing';
import { ConsumerRunner, MessagingOptions, prefixed } from '../src';
import { envelopeBytes, expectGroupAtEnd } from './support/messaging-fixtures';
import { MessagingTestContext } from './support/messaging-test-context';
import { RecordingConsumer } from './support/recording.consumer';

/** The inbox: the same event delivered more than once has one effect. */
describe('ConsumerRunner inbox (real Postgres, real Kafka)', () => {
  let ctx: MessagingTestContext;
  let options: MessagingOptions;
  let topic: string;
  let consumer: RecordingConsumer;
  let runner: ConsumerRunner;

  beforeAll(async () => {
    ctx = await MessagingTestContext.open('inbox');
    options = ctx.options();
    topic = prefixed(options, Topics.delegationEvents);
    consumer = new RecordingConsumer('inbox-check');
    runner = await ctx.startRunner(consumer, options);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('applies an event delivered twice (identical bytes, in one batch and again later) once', async () => {
    const writer = ctx.writer(options);
    const twice = envelopeBytes(writer, 'delivered three times');
    const other = envelopeBytes(writer, 'delivered once', twice.envelope.aggregateId);
    const key = twice.envelope.aggregateId;

    // the same bytes twice in one produce request (the runner sees them in one batch), then another event
    await ctx.testKafka.produce(topic, [
      { key, value: twice.value },
      { key, value: twice.value },
      { key, value: other.value },
    ]);
    await eventually(async () => expect(await ctx.effects(other.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    expect(await ctx.effects(twice.envelope.eventId)).toHaveLength(1);

    // and once more, long after the first copy was applied and committed (a redelivery in a later batch)
    await ctx.testKafka.produce(topic, [{ key, value: twice.value }]);
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    // the runner saw all four messages (the group committed past the last one) ...
    expect(runner.processed).toBe(4);

    // ... and applied the thrice-delivered event once
    expect(await ctx.effects(twice.envelope.eventId)).toHaveLength(1);
    expect(await ctx.effects(other.envelope.eventId)).toHaveLength(1);
    expect(await ctx.inboxRows(runner.groupId, twice.envelope.eventId)).toHaveLength(1);
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer_group = $1`, [runner.groupId])).toEqual([{ n: 2 }]);
    // the duplicates never reached the handler
    expect(consumer.calls.filter((c) => c.eventId === twice.envelope.eventId)).toHaveLength(1);
  });

  it('applies an event whose id is written in upper case (a valid UUID) instead of taking it for a duplicate', async () => {
    const writer = ctx.writer(options);
    const { envelope } = envelopeBytes(writer, 'upper-case event id');
    const upper = { ...envelope, eventId: envelope.eventId.toUpperCase() };
    const sentinel = envelopeBytes(writer, 'after the upper-case one', envelope.aggregateId);
    await ctx.testKafka.produce(topic, [
      { key: envelope.aggregateId, value: JSON.stringify(upper) },
      { key: envelope.aggregateId, value: JSON.stringify(upper) },
      { key: envelope.aggregateId, value: sentinel.value },
    ]);

    await eventually(async () => expect(await ctx.effects(sentinel.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    // PostgreSQL stores and returns uuids in lower case; the event is applied once all the same
    expect(await ctx.effects(envelope.eventId)).toHaveLength(1);
    expect(await ctx.inboxRows(runner.groupId, envelope.eventId)).toHaveLength(1);
  });

  it('resumes a stopped and restarted runner (same instance) from its committed offset, applying what arrived meanwhile once', async () => {
    const writer = ctx.writer(options);
    const before = envelopeBytes(writer, 'before the restart');
    await ctx.testKafka.produce(topic, [{ key: before.envelope.aggregateId, value: before.value }]);
    await eventually(async () => expect(await ctx.effects(before.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));

    await runner.stop();
    const meanwhile = envelopeBytes(writer, 'while stopped');
    await ctx.testKafka.produce(topic, [{ key: meanwhile.envelope.aggregateId, value: meanwhile.value }]);
    await runner.start();

    await eventually(async () => expect(await ctx.effects(meanwhile.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    expect(await ctx.effects(before.envelope.eventId)).toHaveLength(1);
  });
});
