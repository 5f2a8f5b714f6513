import { AsyncLocalStorage } from 'node:async_hooks';
import { Consumer, Kafka } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { DelegationCreatedV1, EventEnvelope, Topics } from '@twinning/contracts';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { ConsumerRunner, createKafka, CreateMessagingTables1764288000000, EventConsumer, MessagingOptions, OutboxWriter } from '@twinning/platform-messaging';
import { CreateBenchEffects1764288000900 } from './bench-effects.migration';
import { PHASE_HEADER, phaseOfTitle } from './events';
import { serve } from './ipc';
import { rawKafka } from './raw-kafka';
import { nowMs, round, summarize } from './stats';

/**
 * The consumer service of the benchmark, in its own process (as a real consumer service would be):
 * - end to end: the project's ConsumerRunner (inbox + one transaction per fetched batch) with a
 *   handler that inserts one `bench_effect` row per event in that transaction;
 * - raw: a plain kafkajs consumer group (eachBatch, no database).
 * Timings are epoch milliseconds (same host clock as the producer process).
 */

interface Applied {
  eventId: string;
  phase: string;
  occurredAtMs: number;
  handlerMs: number;
}

interface PhaseRecord {
  count: number;
  first: number;
  last: number;
  latencies: number[];
  /** end to end only: [event id, occurredAt ms, commit ms] */
  commits: [string, number, number][];
}

interface TxRecord {
  transactions: number;
  sizes: number[];
  durations: number[];
  /** time inside handler.handle() (the per-event effect INSERTs) per transaction */
  handlerMs: number[];
}

const e2ePhases = new Map<string, PhaseRecord>();
const rawPhases = new Map<string, PhaseRecord>();
const txByPhase = new Map<string, TxRecord>();
const fetchByPhase = new Map<string, { fetches: number; durations: number[]; longestGapMs: number; lastAt: number }>();
const eventsByPhase = new Map<string, string[]>();
const commitOffsetMs: number[] = [];
let currentPhase = 'setup';
let untracked = 0;

interface TxContext {
  applied: Applied[];
  /** batchedEffects experiment: effect rows waiting for the one INSERT at the end of the transaction */
  rows: unknown[][];
}

const inTransaction = new AsyncLocalStorage<TxContext>();
let batchedEffects = false;

function record(map: Map<string, PhaseRecord>, phase: string): PhaseRecord {
  let r = map.get(phase);
  if (!r) {
    r = { count: 0, first: Infinity, last: 0, latencies: [], commits: [] };
    map.set(phase, r);
  }
  return r;
}

/** Records one `bench_effect` row per event, in the runner's transaction. */
class RecordBenchEffectConsumer implements EventConsumer {
  readonly groupId = 'bench.record-effect';
  readonly topics = [Topics.delegationEvents];
  readonly types = ['delegation.created'];

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const t = nowMs();
    const phase = phaseOfTitle((event.payload as DelegationCreatedV1).title);
    const ctx = inTransaction.getStore();
    const row = [event.eventId, phase, event.aggregateId, event.occurredAt];
    if (batchedEffects && ctx) ctx.rows.push(row);
    else await tx.query(`INSERT INTO bench_effect (event_id, phase, aggregate_id, occurred_at) VALUES ($1, $2, $3, $4)`, row);
    const applied = ctx?.applied;
    if (applied) applied.push({ eventId: event.eventId, phase, occurredAtMs: Date.parse(event.occurredAt), handlerMs: nowMs() - t });
    else untracked++;
  }
}

/**
 * Observes (does not change) the runner's transactions: the events a handler applied inside one
 * `dataSource.transaction` count as committed when that call returns, at that instant.
 */
function observeCommits(ds: DataSource): void {
  const original = ds.transaction.bind(ds) as (...args: unknown[]) => Promise<unknown>;
  (ds as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args: unknown[]) => {
    const ctx: TxContext = { applied: [], rows: [] };
    const applied = ctx.applied;
    const started = nowMs();
    if (batchedEffects) {
      // the runner passes the work as the last argument: append the one multi-row INSERT to it
      const work = args[args.length - 1] as (tx: EntityManager) => Promise<unknown>;
      args[args.length - 1] = async (tx: EntityManager) => {
        const result = await work(tx);
        for (let i = 0; i < ctx.rows.length; i += 1000) {
          const chunk = ctx.rows.slice(i, i + 1000);
          const values = chunk.map((_, j) => `($${j * 4 + 1}, $${j * 4 + 2}, $${j * 4 + 3}, $${j * 4 + 4})`).join(', ');
          await tx.query(`INSERT INTO bench_effect (event_id, phase, aggregate_id, occurred_at) VALUES ${values}`, chunk.flat());
        }
        return result;
      };
    }
    return inTransaction.run(ctx, async () => {
      const result = await original(...args);
      const committed = nowMs();
      for (const a of applied) {
        const r = record(e2ePhases, a.phase);
        r.count++;
        r.first = Math.min(r.first, committed);
        r.last = Math.max(r.last, committed);
        r.latencies.push(committed - a.occurredAtMs);
        r.commits.push([a.eventId, a.occurredAtMs, committed]);
      }
      if (applied.length) {
        const phase = applied[applied.length - 1].phase;
        const t = txByPhase.get(phase) ?? { transactions: 0, sizes: [], durations: [], handlerMs: [] };
        t.transactions++;
        t.sizes.push(applied.length);
        t.durations.push(committed - started);
        t.handlerMs.push(applied.reduce((sum, a) => sum + a.handlerMs, 0));
        txByPhase.set(phase, t);
      }
      return result;
    });
  };
}

let ds: DataSource | undefined;
let runner: ConsumerRunner | undefined;
let raw: Consumer | undefined;

async function startE2E(args: {
  dbUrl: string;
  options: MessagingOptions;
  poolSize?: number;
  experiments: { batchedEffects: boolean; partitionsConsumedConcurrently?: number };
}): Promise<{ groupId: string; deadLetterTopic: string }> {
  batchedEffects = args.experiments.batchedEffects;
  ds = new DataSource(
    serviceDataSourceOptions({
      url: args.dbUrl,
      entities: [],
      migrations: [CreateMessagingTables1764288000000, CreateBenchEffects1764288000900],
      poolSize: args.poolSize,
      applicationName: 'bench-consumer',
    }),
  );
  Object.assign(ds.options, { logging: ['error'] });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  observeCommits(ds);
  const kafka: Kafka = createKafka(args.options.service, args.options.brokers);
  const concurrently = args.experiments.partitionsConsumedConcurrently;
  if (concurrently) {
    // experiment: the runner's consumer.run() options with another partitionsConsumedConcurrently
    const makeConsumer = kafka.consumer.bind(kafka);
    kafka.consumer = (config) => {
      const c = makeConsumer(config);
      const run = c.run.bind(c);
      c.run = (runConfig) => run({ ...runConfig, partitionsConsumedConcurrently: concurrently });
      return c;
    };
  }
  runner = new ConsumerRunner(new RecordBenchEffectConsumer(), ds, kafka, new OutboxWriter(args.options), args.options);
  await runner.start();
  // kafkajs instrumentation events of the runner's consumer (a private field: read only, for the diagnostics)
  const consumer = (runner as unknown as { consumer?: Consumer }).consumer;
  if (consumer) {
    consumer.on(consumer.events.FETCH, (e: { payload: { duration: number } }) => {
      const f = fetchByPhase.get(currentPhase) ?? { fetches: 0, durations: [], longestGapMs: 0, lastAt: 0 };
      const now = nowMs();
      f.fetches++;
      f.durations.push(e.payload.duration);
      if (f.lastAt) f.longestGapMs = Math.max(f.longestGapMs, now - e.payload.duration - f.lastAt);
      f.lastAt = now;
      fetchByPhase.set(currentPhase, f);
    });
    // group and request trouble, which kafkajs does not log at warn level: recorded per phase and logged to stderr
    const note = (what: string) => (e: { payload?: unknown }) => {
      const list = eventsByPhase.get(currentPhase) ?? [];
      list.push(`${new Date().toISOString()} ${what}${e?.payload ? ` ${JSON.stringify(e.payload).slice(0, 300)}` : ''}`);
      eventsByPhase.set(currentPhase, list);
      process.stderr.write(`[bench consumer] ${currentPhase}: ${list[list.length - 1]}\n`);
    };
    consumer.on(consumer.events.GROUP_JOIN, note('group join'));
    consumer.on(consumer.events.REBALANCING, note('rebalancing'));
    consumer.on(consumer.events.CRASH, note('crash'));
    consumer.on(consumer.events.REQUEST_TIMEOUT, note('request timeout'));
    consumer.on(consumer.events.STOP, note('stop'));
    const commitOffsets = consumer.commitOffsets.bind(consumer);
    consumer.commitOffsets = async (offsets) => {
      const t = nowMs();
      try {
        return await commitOffsets(offsets);
      } finally {
        commitOffsetMs.push(nowMs() - t);
      }
    };
  }
  return { groupId: runner.groupId, deadLetterTopic: runner.deadLetterTopic };
}

async function stopE2E(): Promise<{ processed: number; deadLettered: number; untracked: number }> {
  const result = { processed: runner?.processed ?? 0, deadLettered: runner?.deadLettered ?? 0, untracked };
  await runner?.stop();
  runner = undefined;
  if (ds?.isInitialized) await ds.destroy();
  ds = undefined;
  return result;
}

async function startRaw(args: { brokers: string[]; topic: string; groupId: string; maxWaitTimeInMs: number }): Promise<void> {
  const kafka = rawKafka('bench-raw-consumer', args.brokers);
  raw = kafka.consumer({ groupId: args.groupId, maxWaitTimeInMs: args.maxWaitTimeInMs, allowAutoTopicCreation: false });
  await raw.connect();
  await raw.subscribe({ topics: [args.topic], fromBeginning: true });
  await raw.run({
    eachBatch: async ({ batch, heartbeat }) => {
      const received = nowMs();
      for (const m of batch.messages) {
        const phase = m.headers?.[PHASE_HEADER]?.toString() ?? 'unknown';
        const r = record(rawPhases, phase);
        r.count++;
        r.first = Math.min(r.first, received);
        r.last = Math.max(r.last, received);
        r.latencies.push(received - Number(m.timestamp));
      }
      await heartbeat();
    },
  });
}

async function stopRaw(): Promise<void> {
  await raw?.disconnect().catch(() => undefined);
  raw = undefined;
}

function progress(args: { side: 'e2e' | 'raw'; phase: string }): { count: number; last: number } {
  const r = (args.side === 'e2e' ? e2ePhases : rawPhases).get(args.phase);
  return { count: r?.count ?? 0, last: r?.last ?? 0 };
}

function collect(args: { side: 'e2e' | 'raw'; phase: string; withCommits?: boolean }) {
  const r = (args.side === 'e2e' ? e2ePhases : rawPhases).get(args.phase);
  const tx = txByPhase.get(args.phase);
  const f = fetchByPhase.get(args.phase);
  return {
    count: r?.count ?? 0,
    first: r && r.count ? r.first : null,
    last: r && r.count ? r.last : null,
    latencies: r?.latencies ?? [],
    commits: args.withCommits ? (r?.commits ?? []) : [],
    transactions: tx
      ? {
          count: tx.transactions,
          eventsPerTransaction: summarize(tx.sizes),
          durationMs: summarize(tx.durations),
          handlerMsPerTransaction: summarize(tx.handlerMs),
          handlerShareOfTransactionTime: tx.durations.length ? round(tx.handlerMs.reduce((a, b) => a + b, 0) / tx.durations.reduce((a, b) => a + b, 0), 2) : null,
        }
      : null,
    fetches: f ? { count: f.fetches, durationMs: summarize(f.durations), longestGapBetweenFetchesMs: round(f.longestGapMs) } : null,
    kafkaConsumerEvents: eventsByPhase.get(args.phase) ?? [],
  };
}

export function runConsumerSide(): void {
  // the launcher and the producer process handle Ctrl-C; this process ends when its parent goes away
  process.on('SIGINT', () => undefined);
  process.on('disconnect', () => process.exit(1));
  serve({
    startE2E,
    stopE2E,
    startRaw,
    stopRaw,
    progress,
    collect,
    phase: (args: { phase: string }) => {
      currentPhase = args.phase;
    },
    cpu: () => process.cpuUsage(),
    commitOffsetTimes: () => summarize(commitOffsetMs.splice(0)),
    shutdown: async () => {
      await stopRaw();
      await stopE2E().catch(() => undefined);
      setTimeout(() => process.exit(0), 50);
    },
  });
  process.send?.({ kind: 'ready' });
}
