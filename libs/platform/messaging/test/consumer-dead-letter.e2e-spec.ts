import 'reflect-metadata';
import { EventEnvelope, isRestrictedTopic, Topics } from '@twinning/contracts';
import { eventually, ReadMessage } from '@twinning/testing';
import { MessagingOptions, prefixed } from '../src';
import { envelopeBytes, expectGroupAtEnd, groupProgress, rewindGroup } from './support/messaging-fixtures';
import { MessagingTestContext } from './support/messaging-test-context';
import { RecordingConsumer } from './support/recording.consumer';

/**
 * Bad messages go to the consumer group's dead-letter topic once, with where they came from and
 * why in headers, and the partition keeps flowing. Dead letters travel through the outbox, so a
 * relay runs for this file's database.
 */
describe('ConsumerRunner dead letters (real Postgres, real Kafka)', () => {
  let ctx: MessagingTestContext;

  beforeAll(async () => {
    ctx = await MessagingTestContext.open('dead_letter');
    await ctx.startRelay(ctx.options());
  });

  afterAll(async () => {
    await ctx?.close();
  });

  /** A topic with ONE partition, so the order of the messages below is the order the runner reads. */
  async function singlePartitionTopic(options: MessagingOptions): Promise<string> {
    const topic = prefixed(options, Topics.delegationEvents);
    await ctx.testKafka.createTopic(topic, 1);
    ctx.track(topic);
    return topic;
  }

  /** Waits until the relay published every dead letter of the group, then reads the dead-letter topic. */
  async function deadLetters(dlq: string, expected: number): Promise<ReadMessage[]> {
    await eventually(async () =>
      expect(await ctx.db.query(`SELECT count(*)::int AS n, count(published_at)::int AS published FROM outbox WHERE topic = $1`, [dlq])).toEqual([
        { n: expected, published: expected },
      ]),
    );
    const messages = await ctx.testKafka.readAll(dlq);
    return messages.sort((a, b) => Number(a.headers['x-original-offset']) - Number(b.headers['x-original-offset']));
  }

  it('dead-letters a malformed and an invalid message once each, with their origin and error in headers, and processes the valid event after them', async () => {
    const options = ctx.options();
    const topic = await singlePartitionTopic(options);
    const writer = ctx.writer(options);

    const malformed = Buffer.from('{"eventId": "this is not JSON');
    const invalidEnvelope: EventEnvelope = envelopeBytes(writer, 'no end date').envelope;
    delete (invalidEnvelope.payload as { endDate?: string }).endDate;
    const invalid = Buffer.from(JSON.stringify(invalidEnvelope));
    const valid = envelopeBytes(writer, 'valid after two bad ones');

    await ctx.testKafka.produce(topic, [
      { key: 'malformed-key', value: malformed, partition: 0, headers: { 'x-correlation-id': 'corr-of-the-malformed-one' } },
      { key: invalidEnvelope.aggregateId, value: invalid, partition: 0 },
      { key: valid.envelope.aggregateId, value: valid.value, partition: 0 },
    ]);
    const consumer = new RecordingConsumer('dlq-check');
    const runner = await ctx.startRunner(consumer, options);
    expect(runner.deadLetterTopic).toBe(`${options.topicPrefix}dlq-check.dlq`);

    await eventually(async () => expect(await ctx.effects(valid.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));

    const dead = await deadLetters(runner.deadLetterTopic, 2);
    expect(dead).toHaveLength(2);
    expect(dead[0].value).toEqual(malformed);
    expect(dead[0].key).toBe('malformed-key');
    expect(dead[0].headers).toMatchObject({
      'x-original-topic': topic,
      'x-original-partition': '0',
      'x-original-offset': '0',
      'x-consumer-group': runner.groupId,
      'x-error-code': 'EVENT.MALFORMED',
      'x-correlation-id': 'corr-of-the-malformed-one',
    });
    expect(dead[0].headers['x-error']).toMatch(/^not JSON: /);
    expect(dead[1].value).toEqual(invalid);
    expect(dead[1].headers).toMatchObject({
      'x-original-topic': topic,
      'x-original-partition': '0',
      'x-original-offset': '1',
      'x-consumer-group': runner.groupId,
      'x-error-code': 'EVENT.INVALID',
    });
    expect(dead[1].headers['x-error']).toMatch(/payload of delegation\.created v1 invalid: endDate: /);
    // nothing bad reached the handler or the inbox
    expect(consumer.calls.map((c) => c.eventId)).toEqual([valid.envelope.eventId]);
    expect(await ctx.db.query(`SELECT event_id FROM inbox WHERE consumer_group = $1`, [runner.groupId])).toEqual([{ event_id: valid.envelope.eventId }]);
    expect(await ctx.db.query(`SELECT "offset", error_code FROM dead_letter WHERE consumer_group = $1 ORDER BY "offset"`, [runner.groupId])).toEqual([
      { offset: '0', error_code: 'EVENT.MALFORMED' },
      { offset: '1', error_code: 'EVENT.INVALID' },
    ]);

    // redelivery of the whole partition (the group's offsets reset, a new runner instance):
    // still one dead letter per bad message and one effect of the valid event
    await runner.stop();
    await rewindGroup(ctx.kafka, runner.groupId, topic, 0, '0');
    expect((await groupProgress(ctx.kafka, runner.groupId, topic)).committed).toEqual({ 0: '0' });
    const again = await ctx.startRunner(consumer, options);
    await eventually(() => expectGroupAtEnd(ctx.kafka, again.groupId, topic));
    expect(again.processed).toBe(1); // it did read the valid event again
    expect(again.deadLettered).toBe(0);
    expect(await deadLetters(runner.deadLetterTopic, 2)).toHaveLength(2);
    expect(await ctx.effects(valid.envelope.eventId)).toHaveLength(1);
  });

  it('dead-letters an event with a NUL in a text field (no read model can store it) instead of stalling on it, and processes the next one', async () => {
    const options = ctx.options();
    const topic = await singlePartitionTopic(options);
    const writer = ctx.writer(options);
    // as another producer (or an older one) could publish it: this service's own outbox writer refuses it
    expect(() => envelopeBytes(writer, 'Lyon\u0000 exchange')).toThrow(/OUTBOX\.INVALID_PAYLOAD: delegation\.created v1: title must not contain control characters/);
    const nul = envelopeBytes(writer, 'Lyon exchange').envelope;
    (nul.payload as { title: string }).title = 'Lyon\u0000 exchange';
    const withNul = { envelope: nul, value: Buffer.from(JSON.stringify(nul)) };
    const valid = envelopeBytes(writer, 'valid after the NUL');
    await ctx.testKafka.produce(topic, [
      { key: withNul.envelope.aggregateId, value: withNul.value, partition: 0 },
      { key: valid.envelope.aggregateId, value: valid.value, partition: 0 },
    ]);
    const consumer = new RecordingConsumer('dlq-nul');
    const runner = await ctx.startRunner(consumer, options);
    await eventually(async () => expect(await ctx.effects(valid.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    const [dead] = await deadLetters(runner.deadLetterTopic, 1);
    expect(dead.value).toEqual(withNul.value);
    expect(dead.headers).toMatchObject({ 'x-error-code': 'EVENT.INVALID' });
    expect(dead.headers['x-error']).toMatch(/^payload\.title must not contain control characters/);
    expect(consumer.calls.map((c) => c.eventId)).toEqual([valid.envelope.eventId]);
    await runner.stop();
  });

  it('dead-letters a message of a restricted topic to the group\'s restricted dead-letter topic, never to its general one', async () => {
    const options = ctx.options();
    const general = await singlePartitionTopic(options);
    const restricted = prefixed(options, Topics.participantMatchingEvents);
    await ctx.testKafka.createTopic(restricted, 1);
    ctx.track(restricted);
    const writer = ctx.writer(options);
    const sensitive = Buffer.from('{"payload": {"allergies": ["peanut"], "medicalNotes": "epipen"');
    const plain = Buffer.from('{"eventId": "not JSON either');
    const valid = envelopeBytes(writer, 'valid after the bad one');
    await ctx.testKafka.produce(restricted, [{ key: 'participant-1', value: sensitive, partition: 0 }]);
    await ctx.testKafka.produce(general, [
      { key: 'general-1', value: plain, partition: 0 },
      { key: valid.envelope.aggregateId, value: valid.value, partition: 0 },
    ]);

    const runner = await ctx.startRunner(new RecordingConsumer('restricted-check', { topics: [Topics.delegationEvents, Topics.participantMatchingEvents] }), options);
    const restrictedDlq = `${options.topicPrefix}restricted-check.restricted.dlq`;
    ctx.track(restrictedDlq);
    expect(runner.deadLetterTopic).toBe(`${options.topicPrefix}restricted-check.dlq`);
    await eventually(async () => expect(await ctx.effects(valid.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, restricted));

    const secret = await deadLetters(restrictedDlq, 1);
    expect(secret.map((m) => ({ value: m.value, key: m.key, from: m.headers['x-original-topic'] }))).toEqual([{ value: sensitive, key: 'participant-1', from: restricted }]);
    const open = await deadLetters(runner.deadLetterTopic, 1);
    expect(open.map((m) => ({ value: m.value, from: m.headers['x-original-topic'] }))).toEqual([{ value: plain, from: general }]);
    expect(await ctx.db.query(`SELECT topic, dead_letter_topic FROM dead_letter WHERE consumer_group = $1 ORDER BY topic`, [runner.groupId])).toEqual(
      [{ topic: general, dead_letter_topic: runner.deadLetterTopic }, { topic: restricted, dead_letter_topic: restrictedDlq }].sort((a, b) => (a.topic < b.topic ? -1 : 1)),
    );
    // the catalogue knows the restricted dead-letter topic as restricted (so no unrestricted reader is given it)
    expect(isRestrictedTopic('restricted-check.restricted.dlq')).toBe(true);
    expect(isRestrictedTopic('restricted-check.dlq')).toBe(false);
  });

  it('dead-letters an event its handler rejects as unprocessable while the events around it on the partition are processed', async () => {
    const options = ctx.options();
    const topic = await singlePartitionTopic(options);
    const writer = ctx.writer(options);
    const before = envelopeBytes(writer, 'before the poison');
    const poison = envelopeBytes(writer, 'poison');
    const after = envelopeBytes(writer, 'after the poison');

    const consumer = new RecordingConsumer('poison-check', { unprocessableTitles: ['poison'] });
    const runner = await ctx.startRunner(consumer, options);
    await ctx.testKafka.produce(
      topic,
      [before, poison, after].map((e) => ({
        key: e.envelope.aggregateId,
        value: e.value,
        partition: 0,
        headers: { 'x-correlation-id': e.envelope.correlationId },
      })),
    );

    await eventually(async () => expect(await ctx.effects(after.envelope.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    expect(await ctx.effects(before.envelope.eventId)).toHaveLength(1);
    expect(await ctx.effects(poison.envelope.eventId)).toEqual([]);
    expect(await ctx.inboxRows(runner.groupId, poison.envelope.eventId)).toEqual([]);

    const dead = await deadLetters(runner.deadLetterTopic, 1);
    expect(dead).toHaveLength(1);
    expect(dead[0].value).toEqual(poison.value);
    expect(dead[0].key).toBe(poison.envelope.aggregateId);
    expect(dead[0].headers).toMatchObject({
      'x-original-topic': topic,
      'x-original-partition': '0',
      'x-original-offset': '1',
      'x-consumer-group': runner.groupId,
      'x-error-code': 'TEST.UNPROCESSABLE',
      'x-error': 'delegation "poison" can never be applied',
      'x-correlation-id': poison.envelope.correlationId,
    });
  });

  it('dead-letters a flood of tiny malformed messages fetched in one batch (more rows than one INSERT can carry) and keeps the partition flowing', async () => {
    const options = ctx.options();
    const topic = await singlePartitionTopic(options);
    const writer = ctx.writer(options);
    const FLOOD = 12_000; // x 7 bind parameters per dead letter > 65535, the most one statement takes
    const valid = envelopeBytes(writer, 'valid after the flood');
    await ctx.testKafka.produce(topic, [
      ...Array.from({ length: FLOOD }, (_, i) => ({ value: `?${i % 10}`, partition: 0 })),
      { key: valid.envelope.aggregateId, value: valid.value, partition: 0 },
    ]);

    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'error'; // not 12 000 "dead-lettering message" lines in the test output
    const runner = await ctx.startRunner(new RecordingConsumer('flood-check'), options).finally(() => {
      if (level === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = level;
    });

    await eventually(async () => expect(await ctx.effects(valid.envelope.eventId)).toHaveLength(1), { timeoutMs: 30000 });
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM dead_letter WHERE consumer_group = $1`, [runner.groupId])).toEqual([{ n: FLOOD }]);
    await eventually(
      async () =>
        expect(await ctx.db.query(`SELECT count(*)::int AS n, count(published_at)::int AS published FROM outbox WHERE topic = $1`, [runner.deadLetterTopic])).toEqual([
          { n: FLOOD, published: FLOOD },
        ]),
      { timeoutMs: 30000 },
    );
    const admin = ctx.kafka.admin();
    await admin.connect();
    try {
      // the dead-letter topic holds each of them exactly once (over its partitions)
      const ends = await admin.fetchTopicOffsets(runner.deadLetterTopic);
      expect(ends.reduce((n, p) => n + Number(p.high) - Number(p.low), 0)).toBe(FLOOD);
    } finally {
      await admin.disconnect();
    }
  });
});
