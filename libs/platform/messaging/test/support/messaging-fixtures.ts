import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DelegationCreatedV1, EventEnvelope } from '@twinning/contracts';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { TestDatabase } from '@twinning/testing';
import { CreateMessagingTables1764288000000, NewEvent, OutboxWriter } from '../../src';
import { CreateTestEffects1764288000001 } from './test-effects.migration';

/** A fresh database on the real server with the messaging tables and the test effect table migrated. */
export async function openMigratedDatabase(label: string): Promise<{ db: TestDatabase; ds: DataSource }> {
  const db = await TestDatabase.create(label);
  const ds = new DataSource(
    serviceDataSourceOptions({
      url: db.url,
      entities: [],
      migrations: [CreateMessagingTables1764288000000, CreateTestEffects1764288000001],
      applicationName: `messaging-test-${label}`,
    }),
  );
  // no migration log lines in the test output
  Object.assign(ds.options, { logging: ['error'] });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return { db, ds };
}

export function delegationCreated(title: string, overrides: Partial<NewEvent<'delegation.created', 1>> = {}): NewEvent<'delegation.created', 1> {
  const delegationId = overrides.aggregateId ?? randomUUID();
  const payload: DelegationCreatedV1 = {
    delegationId,
    title,
    hostCity: 'Lyon',
    startDate: '2026-06-01',
    endDate: '2026-06-10',
    status: 'draft',
  };
  return { type: 'delegation.created', version: 1, aggregateId: delegationId, organisationId: randomUUID(), payload, ...overrides };
}

/** A valid envelope as the bytes a producer would put on Kafka (for raw produce in consumer tests). */
export function envelopeBytes(writer: OutboxWriter, title: string, aggregateId?: string): { envelope: EventEnvelope; value: Buffer } {
  const envelope = writer.envelope(delegationCreated(title, aggregateId ? { aggregateId } : {}));
  return { envelope, value: Buffer.from(JSON.stringify(envelope)) };
}

/** The committed offsets of a consumer group and the end (high watermark) of each partition of the topic. */
export async function groupProgress(kafka: Kafka, groupId: string, topic: string): Promise<{ committed: Record<number, string>; end: Record<number, string> }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    return {
      committed: Object.fromEntries(offsets.partitions.map((p) => [p.partition, p.offset])),
      end: Object.fromEntries(ends.map((p) => [p.partition, p.high])),
    };
  } finally {
    await admin.disconnect();
  }
}

/**
 * Asserts (for `eventually`) that the group committed every non-empty partition of the topic up to
 * its end (an empty partition has nothing to commit; kafkajs reports -1 for it).
 */
export async function expectGroupAtEnd(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  const { committed, end } = await groupProgress(kafka, groupId, topic);
  const nonEmpty = (o: Record<number, string>) => Object.fromEntries(Object.entries(o).filter(([p]) => end[Number(p)] !== '0'));
  expect(nonEmpty(committed)).toEqual(nonEmpty(end));
}

/**
 * Moves a consumer group's committed offset back (the group must have no running member), as if
 * the group had crashed after its database commit and before its Kafka commit: what follows is
 * redelivered. (kafkajs' admin.setOffsets does the same but waits a default 5 s fetch.)
 */
export async function rewindGroup(kafka: Kafka, groupId: string, topic: string, partition: number, offset: string): Promise<void> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 20 });
  await consumer.connect();
  try {
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topic, fromBeginning: true });
    // reads but never resolves nor commits anything itself
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    await joined;
    await consumer.commitOffsets([{ topic, partition, offset }]);
  } finally {
    await consumer.disconnect();
  }
}
