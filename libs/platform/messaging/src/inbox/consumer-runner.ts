import { randomUUID } from 'node:crypto';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopicFor, EventEnvelope, isRestrictedTopic, restrictedDeadLetterTopicFor, InvalidEventError, parseEnvelope } from '@twinning/contracts';
import { createLogger, Logger, runWithCorrelation, sanitizeCorrelationId, CORRELATION_HEADER } from '@twinning/platform-observability';
import { ConsumerSettings, DEFAULT_CONSUMER, MessagingOptions, prefixed } from '../messaging-options';
import { OutboxWriter } from '../outbox/outbox-writer';
import { ensureTopics } from '../kafka/ensure-topics';
import { EventConsumer } from './event-handler';
import { FailureClassifier } from './failure-classifier';

interface BatchRun {
  topic: string;
  partition: number;
  heartbeat: () => Promise<void>;
  /** False once the runner stops or the partition was taken away (rebalance). */
  live: () => boolean;
}

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
 * - a failing transaction is classified (FailureClassifier). A permanent failure (the handler's
 *   UnprocessableEventError, a PostgreSQL data error of class 22 or 23) narrows the batch by halves to
 *   the one event that fails, which is dead-lettered with the error; the others are applied once each.
 *   A transient failure (connection, serialisation failure, deadlock, timeout) is retried with
 *   exponential backoff, heartbeating, committing nothing, for as long as it lasts. Any other failure is
 *   retried `maxAttempts` times, then the partition is paused and the batch re-read from the first
 *   unprocessed offset; after `maxRereads` re-reads it is narrowed like a permanent one, so no event can
 *   stall its partition forever. Only a dead-lettered event is ever skipped.
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
  private readonly classifier = new FailureClassifier();
  /** Times each failing batch (topic/partition/first offset) was paused and re-read. */
  private readonly rereads = new Map<string, number>();
  processed = 0;
  deadLettered = 0;
  /** Failed batch transactions that were tried again (transient or not yet classified as permanent). */
  retried = 0;
  /** Why the consumer is not running (kafkajs crashed it), cleared when it joins its group again. */
  private crashed?: string;
  /** Per partition (`topic/partition`): the first offset of a fetched batch not yet committed, and since when. */
  private readonly pending = new Map<string, { topic: string; partition: number; offset: string; since: number }>();

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
    this.crashed = undefined;
    this.pending.clear();
    this.consumer.on(this.consumer.events.CRASH, (e) => {
      this.crashed = e.payload.error?.message ?? 'crashed';
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, (e) => {
      this.crashed = undefined;
      // partitions taken away in the rebalance are no longer this runner's to report
      const assigned = e.payload.memberAssignment;
      for (const [key, p] of this.pending) if (!(assigned[p.topic] ?? []).includes(p.partition)) this.pending.delete(key);
    });
    this.consumer.on(this.consumer.events.STOP, () => {
      if (!this.stopping) this.crashed = this.crashed ?? 'stopped';
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

  /**
   * What readiness needs, from memory (no broker call): whether the consumer crashed, and each partition
   * with a fetched batch (so with lag) whose offset has not been committed, with how long it has waited.
   */
  health(now = Date.now()): { crashed?: string; pending: { topic: string; partition: number; offset: string; sinceMs: number }[] } {
    return {
      crashed: this.crashed,
      pending: [...this.pending.values()].map((p) => ({ topic: p.topic, partition: p.partition, offset: p.offset, sinceMs: now - p.since })),
    };
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
    const first = batch.messages[0].offset;
    const rereadKey = `${topic}/${partition}/${first}`;
    const rereads = this.rereads.get(rereadKey) ?? 0;
    const progressKey = `${topic}/${partition}`;
    // the clock starts when a batch is first fetched at an offset and keeps running through its retries and re-reads
    if (this.pending.get(progressKey)?.offset !== first) this.pending.set(progressKey, { topic, partition, offset: first, since: Date.now() });
    const run: BatchRun = { topic, partition, heartbeat, live: () => isRunning() && !isStale() && !this.stopping };
    // once the batch has been re-read N times and still fails, the unclassified error is taken for the
    // events' fault: the batch is narrowed and the culprit dead-lettered, so the partition cannot stall forever
    const outcome = await this.applyRange(run, batch.messages.map((m) => this.parse(m)), rereads >= this.settings.maxRereads);
    if (outcome === 'stopped') return;
    if (outcome === 'exhausted') {
      // entries of partitions taken away mid-failure are never deleted by this runner: bound the map
      if (this.rereads.size >= MAX_TRACKED_REREADS && !this.rereads.has(rereadKey)) this.rereads.clear();
      this.rereads.set(rereadKey, rereads + 1);
      this.log.error(
        { topic, partition, offset: first, rereads: rereads + 1, narrowAfter: this.settings.maxRereads },
        'batch still failing; pausing the partition and re-reading it later (nothing committed)',
      );
      const resume = pause();
      this.consumer!.seek({ topic, partition, offset: first });
      setTimeout(resume, this.settings.pauseAfterExhaustedMs).unref();
      return;
    }
    this.rereads.delete(rereadKey);
    const last = batch.messages[batch.messages.length - 1].offset;
    for (const m of batch.messages) resolveOffset(m.offset);
    await this.consumer!.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
    this.pending.delete(progressKey);
    await heartbeat().catch(() => undefined);
  }

  /**
   * Applies a run of consecutive messages in one transaction. A permanent failure splits the run in halves,
   * each applied (and committed) on its own, down to the one message that fails, which is then dead-lettered
   * in a transaction of its own: the events around it are applied once each, in order. A transient failure is
   * retried with backoff for as long as it lasts (a database outage must never dead-letter good events); an
   * unclassified one is retried `maxAttempts` times before the batch is paused and re-read, and counts as
   * permanent once `narrowing` (the batch was re-read `maxRereads` times already).
   */
  private async applyRange(run: BatchRun, items: Parsed[], narrowing: boolean): Promise<'done' | 'exhausted' | 'stopped'> {
    let attempt = 0;
    for (;;) {
      if (!run.live()) return 'stopped';
      try {
        await this.dataSource.transaction((tx) => this.apply(tx, run.topic, run.partition, items));
        this.processed += items.filter((i) => i.kind === 'ok').length;
        return 'done';
      } catch (e) {
        const failure = this.classifier.classify(e);
        const offsets = `${items[0].message.offset}-${items[items.length - 1].message.offset}`;
        const single = items.length === 1 ? items[0] : undefined;
        const permanent = failure.kind === 'permanent' || (failure.kind === 'unclassified' && narrowing);
        if (permanent && single?.kind === 'ok') {
          this.log.warn({ topic: run.topic, partition: run.partition, offset: single.message.offset, code: failure.code, err: failure.message }, 'event cannot be applied; dead-lettering it');
          items = [{ kind: 'dead', message: single.message, code: failure.code, error: failure.message }];
          continue;
        }
        if (permanent && !single) {
          this.log.warn({ topic: run.topic, partition: run.partition, offsets, code: failure.code, err: failure.message }, 'batch refused; narrowing it to the offending event');
          const mid = Math.ceil(items.length / 2);
          for (const half of [items.slice(0, mid), items.slice(mid)]) {
            const outcome = await this.applyRange(run, half, narrowing || failure.kind === 'unclassified');
            if (outcome !== 'done') return outcome;
            await run.heartbeat().catch(() => undefined);
          }
          return 'done';
        }
        // transient, unclassified and not yet narrowing, or a dead letter that cannot be written: retry
        attempt++;
        if (failure.kind !== 'transient' && attempt >= this.settings.maxAttempts) return 'exhausted';
        const delay = Math.min(this.settings.maxBackoffMs, this.settings.initialBackoffMs * 2 ** Math.min(attempt - 1, 20));
        this.retried++;
        this.log.warn(
          { topic: run.topic, partition: run.partition, offsets, kind: failure.kind, err: failure.message, attempt, retryInMs: delay },
          failure.kind === 'transient' ? 'transient failure handling batch; retrying until it succeeds' : 'failure handling batch; retrying',
        );
        await run.heartbeat().catch(() => undefined);
        await new Promise((r) => setTimeout(r, delay));
        await run.heartbeat().catch(() => undefined);
      }
    }
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
      await runWithCorrelation({ correlationId: it.envelope.correlationId, causationId: it.envelope.eventId }, () =>
        this.handler.handle(it.envelope, tx, { topic, partition, offset: it.message.offset }),
      );
    }
  }

  private async deadLetter(tx: EntityManager, topic: string, partition: number, dead: Extract<Parsed, { kind: 'dead' }>[]): Promise<void> {
    const target = this.restrictedSources.has(topic) ? this.restrictedDeadLetterTopic! : this.deadLetterTopic;
    const fresh: { offset: string }[] = [];
    for (const chunk of chunks(dead)) {
      const params: unknown[] = [];
      const values = chunk.map((d, j) => {
        params.push(this.groupId, topic, partition, d.message.offset, d.code, storableError(d.error), target);
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
          // a key with NUL would make the dead letter itself unwritable (PostgreSQL text), stalling the partition
          key: d.message.key?.toString().replace(/\u0000/g, '') ?? `${topic}-${partition}-${d.message.offset}`,
          value: d.message.value ?? Buffer.alloc(0),
          headers: {
            [CORRELATION_HEADER]: correlationId,
            'x-original-topic': topic,
            'x-original-partition': String(partition),
            'x-original-offset': d.message.offset,
            'x-consumer-group': this.groupId,
            'x-error-code': d.code,
            'x-error': storableError(d.error),
          },
        };
      });
    if (rows.length) await this.outbox.insertRows(tx, rows);
    this.deadLettered += rows.length;
  }
}

/** Failing batches whose re-reads are counted at once; far more than the partitions one runner owns. */
const MAX_TRACKED_REREADS = 10_000;

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

/** An error text a row and a header can hold: PostgreSQL refuses NUL in text, and the text is capped. */
function storableError(error: string): string {
  return error.replace(/\u0000/g, '').slice(0, 2000);
}
