import { randomUUID } from 'node:crypto';
import { Admin, IHeaders, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { ensureTopics } from '@twinning/platform-messaging';


export function kafkaBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
}

/**
 * A topic/consumer-group prefix unique to this call, so runs and test files never see each other's
 * messages (jest reuses worker processes across files and resets modules, so no counter: random).
 */
export function uniqueTopicPrefix(): string {
  return `t.${process.env.TEST_RUN_ID ?? Date.now().toString(36)}.${randomUUID().slice(0, 8)}.`;
}

export interface ReadMessage {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

/** Direct access to the real broker for tests: raw produce, and reading a whole topic back. */
export class TestKafka {
  readonly kafka = new Kafka({ clientId: `test-${randomUUID().slice(0, 8)}`, brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  private producer?: Producer;

  async createTopic(topic: string, numPartitions = 1): Promise<void> {
    await ensureTopics(this.kafka, [topic], numPartitions);
  }

  async produce(topic: string, messages: { key?: string; value: string | Buffer; headers?: IHeaders; partition?: number }[]): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    await this.producer.send({ topic, acks: -1, messages });
  }

  /** Every message currently in the topic (all partitions), read with the admin offsets as the end. */
  async readAll(topic: string, timeoutMs = 10000): Promise<ReadMessage[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    let ends: { partition: number; high: string }[];
    try {
      ends = await fetchOffsetsOnceLed(admin, topic);
    } finally {
      await admin.disconnect();
    }
    const want = new Map(ends.map((p) => [p.partition, BigInt(p.high)]));
    const out: ReadMessage[] = [];
    if ([...want.values()].every((h) => h === 0n)) return out;
    const consumer = this.kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 50 });
    // disconnected on every path, a timeout included (a connected consumer would keep jest's worker alive)
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const seen = new Map<number, bigint>();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`readAll(${topic}) timed out`)), timeoutMs);
        const done = () => [...want.entries()].every(([p, h]) => h === 0n || (seen.get(p) ?? -1n) + 1n >= h);
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              out.push({
                key: message.key?.toString() ?? null,
                value: message.value,
                headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? ''])),
                partition,
                offset: message.offset,
              });
              seen.set(partition, BigInt(message.offset));
              if (done()) { clearTimeout(timer); resolve(); }
            },
          })
          .catch((e) => { clearTimeout(timer); reject(e); });
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
    return out;
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
  }
}

/** Errors of a topic just created whose partitions have no leader elected yet: they pass within a moment. */
const ELECTION_PENDING = new Set(['NOT_LEADER_FOR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/** `fetchTopicOffsets`, retried for a few seconds while a new topic's partition leaders are still being elected. */
async function fetchOffsetsOnceLed(admin: Admin, topic: string): Promise<{ partition: number; high: string }[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (e) {
      if (attempt >= 40 || !ELECTION_PENDING.has((e as { type?: string }).type ?? '')) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
