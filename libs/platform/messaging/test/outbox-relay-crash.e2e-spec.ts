import 'reflect-metadata';
import { EventEnvelope, Topics } from '@twinning/contracts';
import { eventually } from '@twinning/testing';
import { ensureTopics, MessagingOptions, OutboxRelay, prefixed } from '../src';
import { delegationCreated, expectGroupAtEnd, groupProgress } from './support/messaging-fixtures';
import { MessagingTestContext } from './support/messaging-test-context';
import { RecordingConsumer } from './support/recording.consumer';

/**
 * The relay dies after Kafka acknowledged a batch and before it marked the rows published: a
 * restarted relay publishes the event again (at-least-once) and the consumer's inbox absorbs the
 * duplicate, so the effect happens once. Also: one leader per database across stops and restarts.
 */
describe('OutboxRelay crash, restart and leadership (real Postgres, real Kafka)', () => {
  let ctx: MessagingTestContext;
  let options: MessagingOptions;
  let topic: string;

  beforeAll(async () => {
    ctx = await MessagingTestContext.open('outbox_crash');
    options = ctx.options();
    topic = prefixed(options, Topics.delegationEvents);
    await ensureTopics(ctx.kafka, [topic], 3);
    ctx.track(topic);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const pendingState = async (eventId: string) =>
    (await ctx.db.query<{ published: boolean }>(`SELECT published_at IS NOT NULL AS published FROM outbox WHERE event_id = $1`, [eventId]))[0];
  const copiesOnTopic = async (eventId: string) =>
    (await ctx.testKafka.readAll(topic)).filter((m) => JSON.parse(m.value!.toString()).eventId === eventId);

  const relays: OutboxRelay[] = [];

  it('re-publishes from a restarted relay; the topic holds the event twice and the consumer applies it once', async () => {
    const consumer = new RecordingConsumer('crash-check');
    const runner = await ctx.startRunner(consumer, options);
    const writer = ctx.writer(options);
    const event: EventEnvelope = await ctx.ds.transaction((tx) => writer.append(tx, delegationCreated('published twice')));

    // relay #1: Kafka acknowledges, then the process "dies" before the UPDATE ... published_at
    const acknowledgedBeforeCrash: string[] = [];
    let crashed: Promise<void> | undefined;
    const relay1: OutboxRelay = ctx.relay({
      ...options,
      relay: {
        ...options.relay,
        afterPublish: (eventIds) => {
          acknowledgedBeforeCrash.push(...eventIds);
          crashed = relay1.stop(); // the process is gone: no further loop, its connections close
          throw new Error('simulated crash after publish, before marking');
        },
      },
    });
    relays.push(relay1);
    await relay1.start();
    await eventually(() => expect(crashed).toBeDefined());
    await crashed;

    expect(acknowledgedBeforeCrash).toEqual([event.eventId]);
    expect(await pendingState(event.eventId)).toEqual({ published: false });
    expect(await copiesOnTopic(event.eventId)).toHaveLength(1);
    // the consumer applied the first copy and committed past it
    await eventually(async () => expect(await ctx.effects(event.eventId)).toHaveLength(1));
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));

    // relay #2: a fresh instance, as after a restart of the process
    const relay2 = await ctx.startRelay(options);
    relays.push(relay2);
    await eventually(async () => expect(await pendingState(event.eventId)).toEqual({ published: true }));
    expect(relay2.published).toBe(1);

    const copies = await copiesOnTopic(event.eventId);
    expect(copies).toHaveLength(2);
    expect(copies[0].value!.equals(copies[1].value!)).toBe(true);
    expect(copies[1].key).toBe(event.aggregateId);

    // the consumer read the second copy too (its offset is committed past it) and did nothing more
    await eventually(() => expectGroupAtEnd(ctx.kafka, runner.groupId, topic));
    const { end } = await groupProgress(ctx.kafka, runner.groupId, topic);
    expect(Object.values(end).reduce((n, high) => n + Number(high), 0)).toBe(2);
    expect(await ctx.effects(event.eventId)).toHaveLength(1);
    expect(await ctx.inboxRows(runner.groupId, event.eventId)).toHaveLength(1);
    expect(consumer.calls.filter((c) => c.eventId === event.eventId)).toHaveLength(1);
  });

  it('keeps one active relay per database: a restarted instance stands by while another leads, and takes over when it stops', async () => {
    await Promise.all(relays.map((r) => r.stop())); // whatever the previous test left running
    const writer = ctx.writer(options);
    const publish = async (title: string) => {
      const e = await ctx.ds.transaction((tx) => writer.append(tx, delegationCreated(title)));
      await eventually(async () => expect(await pendingState(e.eventId)).toEqual({ published: true }));
    };

    const a = await ctx.startRelay(options);
    await publish('led by A');
    expect(a.published).toBe(1);

    await a.stop();
    const b = await ctx.startRelay(options);
    await publish('led by B');
    expect(b.published).toBe(1);

    await a.start(); // the same instance again, while B holds the lead
    for (let i = 0; i < 10; i++) await publish(`B still leads ${i}`);
    expect(a.published).toBe(1);
    expect(b.published).toBe(11);

    await b.stop(); // A, standing by and listening, takes over on the next NOTIFY
    await publish('A again');
    expect(a.published).toBe(2);
    expect(b.published).toBe(11);
  });

  it('stops promptly when stopped while it is still draining (one-minute idle poll)', async () => {
    const relay = ctx.relay({ ...options, relay: { ...options.relay, idlePollMs: 60_000 } });
    await relay.start(); // its loop is now taking the lead and draining
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      relay.stop().then(() => 'stopped'),
      new Promise((resolve) => (timer = setTimeout(() => resolve('still stopping after 5 s'), 5000))),
    ]);
    clearTimeout(timer);
    expect(outcome).toBe('stopped');
  });
});
