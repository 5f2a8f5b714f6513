import { randomUUID } from 'node:crypto';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopicFor, EventEnvelope, isRestrictedTopic, restrictedDeadLetterTopicFor, InvalidEventError, parseEnvelope } from '@twinning/contracts';
import { createLogger, Logger, runWithCorrelation, sanitizeCorrelationId, CORRELATION_HEADER } from '@twinning/platform-observability';
import { ConsumerSettings, DEFAULT_CONSUMER, MessagingOptions, prefixed } from '../messaging-options';
import { OutboxWriter } from '../outbox/outbox-writer';
import { ensureTopics } from '../kafka/ensure-topics';
import { EventConsumer, UnprocessableEventError } from './event-handler';

type Parsed =
  | { kind: 'ok'; message: KafkaMessage; envelope: EventEnvelope }
  | { kind: 'dead'; message: KafkaMessage; code: string; error: string };

/**
 * Runs one EventConsumer as a Kafka consumer group:
 * - each fetched batch is parsed and validated; malformed/invalid messages are dead-lettered;
 * - valid events are inserted into the inbox (unique consumer group + event id) and handled in ONE
 *   database transaction per batch; a duplicate event id has no second effect;
 * - dead letters are written to the outbox (and a ledger keyed by original offset) in that same
 *   transaction, so a bad message reaches the dead-letter topic once and is never lost; a message
 *   read from a restricted topic goes to the group's restricted dead-letter topic, because a dead
 *   letter carries the original bytes and must not widen who can read them;
 * - the offset (`last + 1`) is committed only after the transaction committed;
 * - a failing transaction (database down, handler error) is retried with exponential backoff,
 *   heartbeating, committing nothing; once attempts are exhausted the partition is paused and the
 *   batch re-read later from the first unprocessed offset. Nothing is skipped.
 */
export class ConsumerRunner {
  private consumer?: Consumer;
  private readonly settings: ConsumerSettings;
  private readonly log: Logger;
  readonly groupId: string;
  readonly deadLetterTopic: string;
  /** Where dead letters of restricted topics go; undefined when the group reads none. */
  readonly restrictedDeadLetterTopic?: string;
  /** The group's topics (as subscribed, prefixed) that are restricted. */
  private readonly restrictedSources: Set<string>;
  private stopping = false;
  processed = 0;
  deadLettered = 0;

  constructor(
    private readonly handler: EventConsumer,
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly outbox: OutboxWriter,
    private readonly options: MessagingOptions,
  ) {
    this.settings = { ...DEFAULT_CONSUMER, ...options.consumer };
    this.groupId = prefixed(options, handler.groupId);
    this.deadLetterTopic = deadLetterTopicFor(this.groupId);
    this.restrictedSources = new Set(handler.topics.filter((t) => isRestrictedTopic(t)).map((t) => prefixed(options, t)));
    if (this.restrictedSources.size) this.restrictedDeadLetterTopic = restrictedDeadLetterTopicFor(this.groupId);
    this.log = createLogger(`${options.service}.consumer.${handler.groupId}`);
  }

  get topics(): string[] {
    return this.handler.topics.map((t) => prefixed(this.options, t));
  }

  async start(): Promise<void> {
    this.stopping = false; // a stopped runner may be started again
    const deadLetterTopics = this.restrictedDeadLetterTopic ? [this.deadLetterTopic, this.restrictedDeadLetterTopic] : [this.deadLetterTopic];
    await ensureTopics(this.kafka, [...this.topics, ...deadLetterTopics], this.options.partitions ?? 3);
    this.consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: this.settings.sessionTimeoutMs,
      maxWaitTimeInMs: this.settings.maxWaitTimeInMs,
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private parse(message: KafkaMessage): Parsed {
    try {
      return { kind: 'ok', message, envelope: parseEnvelope(message.value) };
    } catch (e) {
      if (e instanceof InvalidEventError) return { kind: 'dead', message, code: e.code, error: e.message };
      return { kind: 'dead', message, code: 'EVENT.MALFORMED', error: (e as Error).message };
    }
  }

  private async onBatch({ batch, heartbeat, resolveOffset, isRunning, isStale, pause }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0) return;
    const { topic, partition } = batch;
    const items = batch.messages.map((m) => this.parse(m));
    let attempt = 0;
    for (;;) {
      if (!isRunning() || isStale() || this.stopping) return;
      try {
        await this.dataSource.transaction((tx) => this.apply(tx, topic, partition, items));
        break;
      } catch (e) {
        if (e instanceof PoisonEvent) {
          // a valid event its handler can never apply: dead-letter it and redo the batch without it
          const i = items.findIndex((it) => it.message.offset === e.offset);
          items[i] = { kind: 'dead', message: items[i].message, code: e.cause.code, error: e.cause.message };
          continue;
        }
        attempt++;
        const err = e as Error;
        if (attempt >= this.settings.maxAttempts) {
          const first = batch.messages[0].offset;
          this.log.error({ err: err.message, topic, partition, offset: first, attempts: attempt }, 'batch still failing; pausing the partition and re-reading it later (nothing committed)');
          const resume = pause();
          this.consumer!.seek({ topic, partition, offset: first });
          setTimeout(resume, this.settings.pauseAfterExhaustedMs).unref();
          return;
        }
        const delay = Math.min(this.settings.maxBackoffMs, this.settings.initialBackoffMs * 2 ** (attempt - 1));
        this.log.warn({ err: err.message, topic, partition, attempt, retryInMs: delay }, 'transient failure handling batch; retrying');
        await heartbeat().catch(() => undefined);
        await new Promise((r) => setTimeout(r, delay));
        await heartbeat().catch(() => undefined);
      }
    }
    const last = batch.messages[batch.messages.length - 1].offset;
    for (const m of batch.messages) resolveOffset(m.offset);
    await this.consumer!.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
    this.processed += items.filter((i) => i.kind === 'ok').length;
    await heartbeat().catch(() => undefined);
  }

  private async apply(tx: EntityManager, topic: string, partition: number, items: Parsed[]): Promise<void> {
    const dead = items.filter((i): i is Extract<Parsed, { kind: 'dead' }> => i.kind === 'dead');
    if (dead.length) await this.deadLetter(tx, topic, partition, dead);
    const ok = items.filter((i): i is Extract<Parsed, { kind: 'ok' }> => i.kind === 'ok');
    if (ok.length === 0) return;
    const inserted: { event_id: string }[] = [];
    for (const chunk of chunks(ok)) {
      const params: unknown[] = [];
      const values = chunk.map((it, j) => {
        params.push(this.groupId, it.envelope.eventId, topic, partition, it.message.offset);
        const b = j * 5;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
      });
      inserted.push(
        ...(await tx.query(
          `INSERT INTO inbox (consumer_group, event_id, topic, partition, "offset") VALUES ${values.join(', ')}
           ON CONFLICT (consumer_group, event_id) DO NOTHING RETURNING event_id`,
          params,
        )),
      );
    }
    // PostgreSQL returns uuids in lower case while the contract accepts either case: compare in lower
    // case, or an event whose id is in upper case would be taken for a duplicate and silently skipped
    const fresh = new Set(inserted.map((r) => r.event_id.toLowerCase()));
    for (const it of ok) {
      if (!fresh.delete(it.envelope.eventId.toLowerCase())) continue; // already applied (redelivery or duplicate publish)
      if (this.handler.types && !this.handler.types.includes(it.envelope.type)) continue;
      try {
        await runWithCorrelation({ correlationId: it.envelope.correlationId, causationId: it.envelope.eventId }, () =>
          this.handler.handle(it.envelope, tx, { topic, partition, offset: it.message.offset }),
        );
      } catch (e) {
        if (e instanceof UnprocessableEventError) throw new PoisonEvent(it.message.offset, e);
        throw e;
      }
    }
  }

  private async deadLetter(tx: EntityManager, topic: string, partition: number, dead: Extract<Parsed, { kind: 'dead' }>[]): Promise<void> {
    const target = this.restrictedSources.has(topic) ? this.restrictedDeadLetterTopic! : this.deadLetterTopic;
    const fresh: { offset: string }[] = [];
    for (const chunk of chunks(dead)) {
      const params: unknown[] = [];
      const values = chunk.map((d, j) => {
        params.push(this.groupId, topic, partition, d.message.offset, d.code, d.error.slice(0, 2000), target);
        const b = j * 7;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      fresh.push(
        ...(await tx.query(
          `INSERT INTO dead_letter (consumer_group, topic, partition, "offset", error_code, error, dead_letter_topic) VALUES ${values.join(', ')}
           ON CONFLICT DO NOTHING RETURNING "offset"`,
          params,
        )),
      );
    }
    const freshOffsets = new Set(fresh.map((r) => String(r.offset)));
    const rows = dead
      .filter((d) => freshOffsets.has(d.message.offset))
      .map((d) => {
        const original = d.message.headers?.[CORRELATION_HEADER];
        const correlationId = sanitizeCorrelationId(original?.toString()) ?? correlationFromBody(d.message.value) ?? randomUUID();
        this.log.warn({ topic, partition, offset: d.message.offset, code: d.code, err: d.error, correlationId }, 'dead-lettering message');
        return {
          eventId: randomUUID(),
          topic: target,
          key: d.message.key?.toString() ?? `${topic}-${partition}-${d.message.offset}`,
          value: d.message.value ?? Buffer.alloc(0),
          headers: {
            [CORRELATION_HEADER]: correlationId,
            'x-original-topic': topic,
            'x-original-partition': String(partition),
            'x-original-offset': d.message.offset,
            'x-consumer-group': this.groupId,
            'x-error-code': d.code,
            'x-error': d.error.slice(0, 2000),
          },
        };
      });
    if (rows.length) await this.outbox.insertRows(tx, rows);
    this.deadLettered += rows.length;
  }
}

/**
 * Rows per multi-row INSERT. A statement carries at most 65535 bind parameters (the count is 16 bits
 * on the wire), and one fetch can hold tens of thousands of small messages: unchunked, a batch of
 * ~9400 tiny malformed messages (7 parameters each) could never be written and would stall the partition.
 */
const ROWS_PER_INSERT = 1000;

function chunks<T>(items: T[], size = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The envelope's correlation id when the message is JSON at all (so a dead letter stays traceable). */
function correlationFromBody(value: Buffer | null): string | undefined {
  try {
    return sanitizeCorrelationId((JSON.parse(value?.toString() ?? '') as { correlationId?: unknown }).correlationId);
  } catch {
    return undefined;
  }
}

class PoisonEvent extends Error {
  constructor(readonly offset: string, override readonly cause: UnprocessableEventError) {
    super(cause.message);
  }
}
