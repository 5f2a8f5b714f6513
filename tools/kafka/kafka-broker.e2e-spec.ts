import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { eventually, kafkaBrokers } from '@twinning/testing';

/**
 * Smoke test of the real broker started by tools/kafka (Kafka 4.x, KRaft) with kafkajs 2.2.4:
 * create a topic, produce, consume in a consumer group, commit, and one transaction.
 */
describe('the local Apache Kafka broker', () => {
  const kafka = new Kafka({ clientId: 'smoke', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  const topic = `smoke.${randomUUID()}`;
  const admin = kafka.admin();

  // a KRaft broker may answer UNKNOWN_TOPIC_OR_PARTITION for a moment after creation: wait for leaders here
  const leadersOf = (t: string, partitions: number) =>
    eventually(async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: [t] });
      expect(topics[0].partitions.filter((p) => p.leader >= 0)).toHaveLength(partitions);
    });

  beforeAll(async () => {
    await admin.connect();
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates a topic, produces, consumes in a group and commits', async () => {
    expect(await admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: 2, replicationFactor: 1 }] })).toBe(true);
    await leadersOf(topic, 2);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'a', value: 'one' }, { key: 'b', value: 'two' }, { key: 'a', value: 'three' }] });
    await producer.disconnect();

    const groupId = `smoke-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: t, partition, message }) => {
        seen.push(message.value!.toString());
        await consumer.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      },
    });
    await eventually(() => expect(seen.sort()).toEqual(['one', 'three', 'two']));
    await consumer.disconnect();
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    // the group's committed offset equals the end of every partition that holds messages
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends) {
      const c = committed[0].partitions.find((p) => p.partition === end.partition)!;
      expect(Math.max(0, Number(c.offset))).toBe(Number(end.high));
    }
    expect(ends.reduce((n, e) => n + Number(e.high), 0)).toBe(3);
  });

  it('runs a kafkajs transaction whose messages a read_committed consumer sees only after commit', async () => {
    const txTopic = `${topic}.tx`;
    await admin.createTopics({ waitForLeaders: false, topics: [{ topic: txTopic, numPartitions: 1, replicationFactor: 1 }] });
    await leadersOf(txTopic, 1);
    const producer = kafka.producer({ transactionalId: `smoke-tx-${randomUUID()}`, idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const aborted = await producer.transaction();
    await aborted.send({ topic: txTopic, messages: [{ value: 'aborted' }] });
    await aborted.abort();
    const tx = await producer.transaction();
    await tx.send({ topic: txTopic, messages: [{ value: 'committed-1' }, { value: 'committed-2' }] });
    await tx.commit();
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `smoke-tx-${randomUUID()}`, readUncommitted: false, maxWaitTimeInMs: 50 });
    await consumer.connect();
    await consumer.subscribe({ topic: txTopic, fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => { seen.push(message.value!.toString()); } });
    await eventually(() => expect(seen).toEqual(['committed-1', 'committed-2']));
    await consumer.disconnect();
    await admin.deleteTopics({ topics: [txTopic] }).catch(() => undefined);
  });
});
