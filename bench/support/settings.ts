/** Benchmark settings, all from the environment (defaults in brackets in bench/README.md). */
export interface BenchSettings {
  brokers: string[];
  pgAdminUrl: string;
  /** Events of the throughput phases (end to end and raw). */
  events: number;
  /** Events per producer transaction in the end-to-end throughput phase. */
  txSize: number;
  /** Concurrent writer loops in the end-to-end throughput phase. */
  writers: number;
  /** Offered load of the latency phases (events per second) and how long it is held. */
  rate: number;
  rateSeconds: number;
  partitions: number;
  warmupEvents: number;
  /** Messages per producer.send() in the raw throughput phase (the relay sends at most its batch size per request). */
  rawBatchSize: number;
  /** Longest wait for one phase to be fully consumed; an incomplete phase is reported as such. */
  phaseTimeoutMs: number;
  /** The launcher kills the run after this long (then drops the database and topics itself). */
  hardTimeoutMs: number;
  /** Overrides of the messaging layer's defaults (unset: the library defaults every service uses). */
  relayBatchSize?: number;
  relayIdlePollMs?: number;
  consumerMaxWaitMs?: number;
  relayMaxBatchBytes?: number;
  poolSize?: number;
  /**
   * What-if switches, off by default and reported in the JSON when on. They do not change the
   * library: `batchedEffects` makes the bench handler collect its rows and insert them with ONE
   * multi-row INSERT at the end of the runner's transaction (what a batch-handler API would allow);
   * `partitionsConsumedConcurrently` overrides the runner's kafkajs setting (1) on its consumer.
   */
  experiments: { batchedEffects: boolean; partitionsConsumedConcurrently?: number };
}

function num(name: string, fallback: number | undefined): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return n;
}

function req(name: string, fallback: number): number {
  return num(name, fallback) as number;
}

export function readSettings(): BenchSettings {
  const events = Math.floor(req('BENCH_EVENTS', 20000));
  return {
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
    pgAdminUrl: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    events,
    txSize: Math.floor(req('BENCH_TX_SIZE', 100)),
    writers: Math.floor(req('BENCH_WRITERS', 4)),
    rate: req('BENCH_RATE', 500),
    rateSeconds: req('BENCH_RATE_SECONDS', 10),
    partitions: Math.floor(req('BENCH_PARTITIONS', 3)),
    warmupEvents: Math.floor(req('BENCH_WARMUP_EVENTS', 300)),
    rawBatchSize: Math.floor(req('BENCH_RAW_BATCH', 1000)),
    phaseTimeoutMs: req('BENCH_PHASE_TIMEOUT_S', 120) * 1000,
    hardTimeoutMs: req('BENCH_HARD_TIMEOUT_S', 900) * 1000,
    relayBatchSize: num('BENCH_RELAY_BATCH', undefined),
    relayIdlePollMs: num('BENCH_RELAY_IDLE_POLL_MS', undefined),
    consumerMaxWaitMs: num('BENCH_CONSUMER_MAX_WAIT_MS', undefined),
    poolSize: num('BENCH_POOL_SIZE', undefined),
    relayMaxBatchBytes: num('BENCH_RELAY_MAX_BATCH_BYTES', undefined),
    experiments: {
      batchedEffects: process.env.BENCH_EXPERIMENT_BATCHED_EFFECTS === '1',
      partitionsConsumedConcurrently: num('BENCH_EXPERIMENT_PARTITIONS_CONCURRENTLY', undefined),
    },
  };
}
