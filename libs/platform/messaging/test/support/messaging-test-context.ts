import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { kafkaBrokers, TestDatabase, TestKafka, uniqueTopicPrefix } from '@twinning/testing';
import { ConsumerRunner, createKafka, EventConsumer, MessagingOptions, OutboxRelay, OutboxWriter } from '../../src';
import { openMigratedDatabase } from './messaging-fixtures';

/**
 * What one test file needs: its own fresh database (messaging tables + test_effect), the real
 * broker, and the relays and runners it started, all stopped and dropped by `close()`.
 */
export class MessagingTestContext {
  readonly kafka: Kafka = createKafka('messaging-test', kafkaBrokers());
  readonly testKafka = new TestKafka();
  private readonly relays: OutboxRelay[] = [];
  private readonly runners: ConsumerRunner[] = [];
  private readonly topics = new Set<string>();

  private constructor(readonly db: TestDatabase, readonly ds: DataSource) {}

  static async open(label: string): Promise<MessagingTestContext> {
    const { db, ds } = await openMigratedDatabase(label);
    return new MessagingTestContext(db, ds);
  }

  /** Options with a fresh topic/group prefix and short consumer backoffs. */
  options(overrides: Partial<MessagingOptions> = {}): MessagingOptions {
    return {
      service: 'messaging-test',
      brokers: kafkaBrokers(),
      topicPrefix: uniqueTopicPrefix(),
      partitions: 3,
      ...overrides,
      relay: { idlePollMs: 1000, ...overrides.relay },
      consumer: { initialBackoffMs: 20, maxBackoffMs: 200, pauseAfterExhaustedMs: 200, ...overrides.consumer },
    };
  }

  writer(options: MessagingOptions): OutboxWriter {
    return new OutboxWriter(options);
  }

  /** Builds a relay (not started) that `close()` will stop. */
  relay(options: MessagingOptions): OutboxRelay {
    const relay = new OutboxRelay(this.ds, this.kafka, options);
    this.relays.push(relay);
    return relay;
  }

  async startRelay(options: MessagingOptions): Promise<OutboxRelay> {
    const relay = this.relay(options);
    await relay.start();
    return relay;
  }

  async startRunner(consumer: EventConsumer, options: MessagingOptions): Promise<ConsumerRunner> {
    const runner = new ConsumerRunner(consumer, this.ds, this.kafka, new OutboxWriter(options), options);
    this.runners.push(runner);
    this.track(...runner.topics, runner.deadLetterTopic, ...(runner.restrictedDeadLetterTopic ? [runner.restrictedDeadLetterTopic] : []));
    await runner.start();
    return runner;
  }

  /** Stops every relay started so far (all share the test database's outbox, so any of them would drain it). */
  async stopRelays(): Promise<void> {
    await Promise.all(this.relays.map((r) => r.stop()));
  }

  /** Topics to delete on close. */
  track(...topics: string[]): void {
    for (const t of topics) this.topics.add(t);
  }

  async effects(eventId: string): Promise<{ consumer_group: string; title: string }[]> {
    return this.db.query(`SELECT consumer_group, title FROM test_effect WHERE event_id = $1`, [eventId]);
  }

  async inboxRows(groupId: string, eventId: string): Promise<{ topic: string; partition: number; offset: string }[]> {
    return this.db.query(`SELECT topic, partition, "offset" FROM inbox WHERE consumer_group = $1 AND event_id = $2`, [groupId, eventId]);
  }

  async close(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
    await Promise.all(this.relays.map((r) => r.stop()));
    await this.testKafka.close();
    if (this.topics.size) {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
        const existing = new Set(await admin.listTopics());
        const mine = [...this.topics].filter((t) => existing.has(t));
        if (mine.length) await admin.deleteTopics({ topics: mine });
      } catch {
        // best effort: the prefix is unique to this run, leftovers never meet another run
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
    if (this.ds.isInitialized) await this.ds.destroy();
    await this.db.drop();
  }
}
