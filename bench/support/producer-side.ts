import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Topics } from '@twinning/contracts';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import {
  AnyNewEvent,
  createKafka,
  CreateMessagingTables1764288000000,
  DEFAULT_CONSUMER,
  DEFAULT_RELAY,
  ensureTopics,
  MessagingOptions,
  OutboxRelay,
  OutboxWriter,
  prefixed,
} from '@twinning/platform-messaging';
import { delegationCreated, PHASE_HEADER } from './events';
import { Peer } from './ipc';
import { rawKafka } from './raw-kafka';
import { BenchSettings } from './settings';
import { cpuBetween, CpuMark, machineCpu, processTicks, nowMs, perSecond, ratio, round, sleep, summarize, Summary, withTimeout } from './stats';

/**
 * The producer side and the conductor of the benchmark: creates the databases and topics, runs the
 * project's outbox writer and relay, forks the consumer process, runs the phases, cleans up and
 * hands one JSON document to the launcher.
 */

const log = (msg: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString()}] ${msg}\n`);
};

interface Collected {
  count: number;
  first: number | null;
  last: number | null;
  latencies: number[];
  commits: [string, number, number][];
  transactions: { count: number; eventsPerTransaction: Summary | null; durationMs: Summary | null } | null;
  fetches: { count: number; durationMs: Summary | null; longestGapBetweenFetchesMs: number } | null;
  kafkaConsumerEvents: string[];
}

interface DrainStat {
  rows: number;
  totalMs: number;
  selectMs: number;
  updateMs: number;
}

/** Everything the run created, so that cleanup (here or, after a hard kill, in the launcher) can remove it. */
export interface BenchResources {
  adminUrl: string;
  databases: string[];
  brokers: string[];
  topicPrefix: string;
  groups: string[];
}

export async function dropResources(res: BenchResources): Promise<void> {
  const kafka = rawKafka('bench-cleanup', res.brokers);
  const admin = kafka.admin();
  try {
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(res.topicPrefix));
    if (mine.length) await admin.deleteTopics({ topics: mine, timeout: 15000 });
    if (res.groups.length) await admin.deleteGroups(res.groups).catch(() => undefined);
  } catch (e) {
    log(`topic cleanup failed (prefix ${res.topicPrefix}): ${(e as Error).message}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  const pg = new Client({ connectionString: res.adminUrl });
  try {
    await pg.connect();
    for (const db of res.databases) await pg.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  } catch (e) {
    log(`database cleanup failed (${res.databases.join(', ')}): ${(e as Error).message}`);
  } finally {
    await pg.end().catch(() => undefined);
  }
}

/** The installed version of a package (found from its entry point upwards; works when `exports` hides package.json). */
function packageVersion(name: string): string | null {
  try {
    let dir = path.dirname(require.resolve(name));
    while (dir !== path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? null;
      }
      dir = path.dirname(dir);
    }
  } catch {
    // unknown: reported as null
  }
  return null;
}

/** The broker's pid when it was started by tools/kafka/kafka.sh on this host (for CPU accounting only). */
function findBrokerPid(broker: string | undefined): number | null {
  const fromEnv = Number(process.env.BENCH_BROKER_PID);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  const port = broker?.split(':')[1];
  if (!port) return null;
  try {
    const pid = Number(readFileSync(path.resolve(__dirname, '..', '..', '..', 'tools', 'kafka', '.state', port, 'kafka.pid'), 'utf8').trim());
    return Number.isInteger(pid) && processTicks(pid) !== null ? pid : null;
  } catch {
    return null;
  }
}

function dbUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function waitForCount(peer: Peer, side: 'e2e' | 'raw', phase: string, expected: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let lastLog = Date.now();
  for (;;) {
    const p = await peer.call<{ count: number }>('progress', { side, phase });
    if (p.count >= expected) return true;
    if (Date.now() > deadline) {
      log(`${side}/${phase}: only ${p.count}/${expected} consumed after ${timeoutMs / 1000}s; reporting it as incomplete`);
      return false;
    }
    if (Date.now() - lastLog > 5000) {
      log(`${side}/${phase}: ${p.count}/${expected} consumed`);
      lastLog = Date.now();
    }
    await sleep(20);
  }
}

/**
 * Open-loop load at `rate` per second for `seconds`: item i is due at start + i/rate, launched when
 * due without waiting for earlier ones (a slow system builds a queue instead of slowing the clock).
 */
async function offeredLoad(rate: number, seconds: number, timeoutMs: number, send: (i: number, dueMs: number) => Promise<void>): Promise<{
  total: number;
  startMs: number;
  lastDoneMs: number;
  failed: number;
  launchLagMs: Summary | null;
  doneLatencyMs: Summary | null;
}> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const startMs = nowMs() + 20;
  const inflight = new Set<Promise<void>>();
  const launchLag: number[] = [];
  const doneLatency: number[] = [];
  let failed = 0;
  let lastDoneMs = startMs;
  let i = 0;
  while (i < total) {
    const t = nowMs();
    while (i < total && startMs + i * interval <= t) {
      const due = startMs + i * interval;
      launchLag.push(t - due);
      const p: Promise<void> = send(i, due)
        .then(
          () => {
            const done = nowMs();
            doneLatency.push(done - due);
            lastDoneMs = Math.max(lastDoneMs, done);
          },
          (e: Error) => {
            failed++;
            if (failed <= 5) log(`offered-load send failed: ${e.message}`);
          },
        )
        .finally(() => inflight.delete(p));
      inflight.add(p);
      i++;
    }
    if (i < total) await sleep(startMs + i * interval - nowMs());
  }
  await withTimeout(Promise.all(inflight), timeoutMs, `${inflight.size} sends still in flight after the offered-load schedule`);
  return { total, startMs, lastDoneMs, failed, launchLagMs: summarize(launchLag, 2), doneLatencyMs: summarize(doneLatency) };
}

export async function runProducerSide(settings: BenchSettings): Promise<void> {
  const started = nowMs();
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0];
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const topicPrefix = `bench.${runId}.`;
  const res: BenchResources = {
    adminUrl: settings.pgAdminUrl,
    databases: [`bench_${runId}_producer`, `bench_${runId}_consumer`],
    brokers: settings.brokers,
    topicPrefix,
    groups: [],
  };
  process.send?.({ kind: 'resources', resources: res });

  let cleaned: Promise<void> | undefined;
  let producerDs: DataSource | undefined;
  let relay: OutboxRelay | undefined;
  let rawProducer: Producer | undefined;
  let monitor: Client | undefined;
  const consumerProcess = fork(path.join(__dirname, '..', 'pipeline.bench.js'), ['--role=consumer'], {
    stdio: ['ignore', 2, 2, 'ipc'],
    env: process.env,
  });
  const peer = new Peer(consumerProcess);
  const cleanup = (): Promise<void> =>
    (cleaned ??= (async () => {
      log('cleaning up');
      // every step is bounded: a hung connection must not keep the benchmark from ending
      const step = (p: Promise<unknown> | undefined, ms: number, what: string) =>
        withTimeout(Promise.resolve(p), ms, what).catch((e: Error) => log(`cleanup: ${e.message}`));
      await step(relay?.stop(), 10_000, 'relay stop');
      await step(rawProducer?.disconnect(), 10_000, 'raw producer disconnect');
      await step(monitor?.end(), 5_000, 'monitor connection close');
      if (peer.alive) await step(peer.call('shutdown', {}, 20_000), 25_000, 'consumer process shutdown');
      if (consumerProcess.exitCode === null) consumerProcess.kill('SIGKILL');
      if (producerDs?.isInitialized) await step(producerDs.destroy(), 5_000, 'producer pool close');
      await step(dropResources(res), 60_000, 'dropping databases and topics');
      log(`cleanup done (databases ${res.databases.join(', ')}, topics and groups ${topicPrefix}*)`);
    })());
  const onSignal = (sig: string) => {
    log(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  try {
    await new Promise<void>((resolve, reject) => {
      consumerProcess.once('message', (m: { kind?: string }) => (m?.kind === 'ready' ? resolve() : reject(new Error('consumer process did not start'))));
      consumerProcess.once('exit', (code) => reject(new Error(`consumer process exited with ${code}`)));
    });

    // ---------- preflight: the broker answers (fail in seconds, before anything is created) ----------
    const preflight = rawKafka('bench-preflight', settings.brokers, 2).admin();
    await preflight.connect();
    await preflight.disconnect();

    // ---------- databases ----------
    const admin = new Client({ connectionString: settings.pgAdminUrl });
    await admin.connect();
    let pgInfo: Record<string, string>;
    try {
      for (const db of res.databases) await admin.query(`CREATE DATABASE "${db}"`);
      const r = await admin.query(`SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync, current_setting('max_connections') AS max_connections`);
      pgInfo = r.rows[0];
    } finally {
      await admin.end();
    }
    const [producerDb, consumerDb] = res.databases.map((d) => dbUrl(settings.pgAdminUrl, d));
    log(`databases ${res.databases.join(', ')} created; topic prefix ${topicPrefix}`);

    // ---------- end to end: outbox writer + relay here, ConsumerRunner in the consumer process ----------
    const relaySettings = {
      ...(settings.relayBatchSize ? { batchSize: settings.relayBatchSize } : {}),
      ...(settings.relayIdlePollMs ? { idlePollMs: settings.relayIdlePollMs } : {}),
      ...(settings.relayMaxBatchBytes ? { maxBatchBytes: settings.relayMaxBatchBytes } : {}),
    };
    const consumerSettings = settings.consumerMaxWaitMs ? { maxWaitTimeInMs: settings.consumerMaxWaitMs } : {};
    const producerOptions: MessagingOptions = {
      service: 'bench-producer',
      brokers: settings.brokers,
      topicPrefix,
      partitions: settings.partitions,
      relay: relaySettings,
    };
    const consumerOptions: MessagingOptions = {
      service: 'bench-consumer',
      brokers: settings.brokers,
      topicPrefix,
      partitions: settings.partitions,
      consumer: consumerSettings,
    };
    const ds = new DataSource(
      serviceDataSourceOptions({
        url: producerDb,
        entities: [],
        migrations: [CreateMessagingTables1764288000000],
        poolSize: settings.poolSize,
        applicationName: 'bench-producer',
      }),
    );
    producerDs = ds;
    Object.assign(ds.options, { logging: ['error'] });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });

    const kafka: Kafka = createKafka('bench-producer', settings.brokers);
    const topic = prefixed(producerOptions, Topics.delegationEvents);
    await ensureTopics(kafka, [topic], settings.partitions);
    const writer = new OutboxWriter(producerOptions);

    // relay diagnostics: time its drains and its two statements, SELECT pending and UPDATE published_at
    // (both include the wait for a pooled connection: the relay shares the pool with the writers).
    // EntityManager.query of a transaction calls ds.query(sql, params, queryRunner): every argument is passed through.
    const drains: DrainStat[] = [];
    let queryTimes = { select: 0, update: 0 };
    const dsQuery = ds.query.bind(ds) as (...args: unknown[]) => Promise<unknown>;
    ds.query = (async (...args: unknown[]) => {
      const t = nowMs();
      try {
        return await dsQuery(...args);
      } finally {
        const sql = String(args[0]);
        if (sql.startsWith('SELECT id, event_id')) queryTimes.select += nowMs() - t;
        else if (sql.startsWith('UPDATE outbox')) queryTimes.update += nowMs() - t;
      }
    }) as typeof ds.query;
    relay = new OutboxRelay(ds, kafka, producerOptions);
    const drainOnce = relay.drainOnce.bind(relay);
    relay.drainOnce = async () => {
      const t = nowMs();
      queryTimes = { select: 0, update: 0 };
      const n = await drainOnce();
      if (n > 0) drains.push({ rows: n, totalMs: nowMs() - t, selectMs: queryTimes.select, updateMs: queryTimes.update });
      return n;
    };
    await relay.start();
    const e2e = await peer.call<{ groupId: string; deadLetterTopic: string }>('startE2E', { dbUrl: consumerDb, options: consumerOptions, poolSize: settings.poolSize, experiments: settings.experiments }, 120_000);
    res.groups.push(e2e.groupId);
    log(`relay and consumer runner (${e2e.groupId}) started`);

    const relayDiagnostics = () => {
      const d = drains.splice(0);
      return {
        drains: d.length,
        rowsPerDrain: summarize(d.map((x) => x.rows)),
        drainMs: summarize(d.map((x) => x.totalMs)),
        selectMs: summarize(d.map((x) => x.selectMs)),
        kafkaSendMs: summarize(d.map((x) => x.totalMs - x.selectMs - x.updateMs)),
        markPublishedMs: summarize(d.map((x) => x.updateMs)),
      };
    };
    const phase = (name: string) => peer.call('phase', { phase: name });
    // the pg pool behind the DataSource (writers and relay share it): sampled every 10 ms
    const pool = (ds.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    const poolSamples: { waiting: number; busy: number }[] = [];
    const poolSampler = setInterval(() => {
      if (pool) poolSamples.push({ waiting: pool.waitingCount, busy: pool.totalCount - pool.idleCount });
    }, 10);
    poolSampler.unref();
    const poolDiagnostics = () => {
      const p = poolSamples.splice(0);
      return { size: settings.poolSize ?? 10, busyConnections: summarize(p.map((x) => x.busy)), queuedRequests: summarize(p.map((x) => x.waiting)) };
    };
    // CPU accounting: the bench's PostgreSQL backends (by pid) and the broker (pid from tools/kafka's state dir or BENCH_BROKER_PID)
    const brokerPid = findBrokerPid(settings.brokers[0]);
    const monitorClient = new Client({ connectionString: settings.pgAdminUrl, application_name: 'bench-monitor' });
    monitor = monitorClient;
    await monitorClient.connect();
    const cpuMark = async (): Promise<CpuMark> => {
      const consumer = await peer.call<NodeJS.CpuUsage>('cpu');
      const pids = await monitorClient.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)`, [res.databases]);
      const postgres = new Map<number, number>();
      for (const { pid } of pids.rows) {
        const t = processTicks(pid);
        if (t !== null) postgres.set(pid, t);
      }
      return { at: nowMs(), producer: process.cpuUsage(), consumer, machine: machineCpu(), postgres, broker: brokerPid ? processTicks(brokerPid) : null };
    };
    const cores = os.cpus().length;
    // what the bench's PostgreSQL backends are doing, sampled every 25 ms: on CPU, waiting (lock, WAL, ...), or idle in a transaction (waiting for the client)
    const waits = new Map<string, number>();
    let waitSamples = 0;
    let sampling = false;
    const waitSampler = setInterval(() => {
      if (sampling || !monitor) return;
      sampling = true;
      monitorClient
        .query<{ w: string; n: number }>(
          `SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'active (on CPU or runnable)') ELSE state END AS w, count(*)::int AS n
           FROM pg_stat_activity WHERE datname = ANY($1) AND state <> 'idle' AND pid <> pg_backend_pid() GROUP BY 1`,
          [res.databases],
        )
        .then((r) => {
          waitSamples++;
          for (const row of r.rows) waits.set(row.w, (waits.get(row.w) ?? 0) + row.n);
        })
        .catch(() => undefined)
        .finally(() => {
          sampling = false;
        });
    }, 25);
    waitSampler.unref();
    const postgresDiagnostics = () => {
      const out = {
        samples: waitSamples,
        meanBackendsByState: Object.fromEntries(
          [...waits.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, waitSamples ? round(n / waitSamples, 2) : 0]),
        ),
      };
      waits.clear();
      waitSamples = 0;
      return out;
    };

    // where the time goes, per event: occurredAt -> marked published (after the Kafka ack) -> consumer commit
    const breakdown = async (commits: [string, number, number][]) => {
      if (commits.length === 0) return null;
      const c = new Client({ connectionString: producerDb });
      await c.connect();
      try {
        const r = await c.query<{ event_id: string; published_ms: number }>(
          `SELECT event_id, extract(epoch FROM published_at) * 1000 AS published_ms FROM outbox WHERE event_id = ANY($1::uuid[]) AND published_at IS NOT NULL`,
          [commits.map((x) => x[0])],
        );
        const published = new Map(r.rows.map((x) => [x.event_id, Number(x.published_ms)]));
        const toKafka: number[] = [];
        const consume: number[] = [];
        for (const [id, occurred, committed] of commits) {
          const p = published.get(id);
          if (p === undefined) continue;
          toKafka.push(p - occurred);
          consume.push(committed - p);
        }
        return { occurredToMarkedPublishedMs: summarize(toKafka), markedPublishedToConsumerCommitMs: summarize(consume) };
      } finally {
        await c.end();
      }
    };

    // warm-up: group joined, connections and JIT warm, not measured
    await phase('warmup');
    for (let i = 0; i < settings.warmupEvents; i += settings.txSize) {
      const n = Math.min(settings.txSize, settings.warmupEvents - i);
      const events = Array.from({ length: n }, (_, j) => delegationCreated('warmup', i + j, new Date()));
      await ds.transaction((tx) => writer.appendMany(tx, events as unknown as AnyNewEvent[]));
    }
    await waitForCount(peer, 'e2e', 'warmup', settings.warmupEvents, settings.phaseTimeoutMs);
    await peer.call('collect', { side: 'e2e', phase: 'warmup' });
    relayDiagnostics();
    poolDiagnostics();
    postgresDiagnostics();
    await peer.call('commitOffsetTimes');
    await sleep(500);

    // ---- (a1) end-to-end throughput ----
    log(`e2e throughput: ${settings.events} events, ${settings.txSize} per transaction, ${settings.writers} writers`);
    await phase('throughput');
    const N = settings.events;
    const batches = Math.ceil(N / settings.txSize);
    let nextBatch = 0;
    const resetDiagnostics = () => {
      relayDiagnostics();
      poolDiagnostics();
      postgresDiagnostics();
    };
    resetDiagnostics();
    const tpCpu = await cpuMark();
    const tpStart = nowMs();
    await withTimeout(Promise.all(
      Array.from({ length: settings.writers }, async () => {
        for (let b = nextBatch++; b < batches; b = nextBatch++) {
          const n = Math.min(settings.txSize, N - b * settings.txSize);
          const occurredAt = new Date(nowMs());
          const events = Array.from({ length: n }, (_, j) => delegationCreated('throughput', b * settings.txSize + j, occurredAt));
          await ds.transaction((tx) => writer.appendMany(tx, events as unknown as AnyNewEvent[]));
        }
      }),
    ), settings.phaseTimeoutMs, 'the throughput writers');
    const tpWritten = nowMs();
    const tpComplete = await waitForCount(peer, 'e2e', 'throughput', N, settings.phaseTimeoutMs);
    const tpCpuUsed = cpuBetween(tpCpu, await cpuMark(), cores);
    const tp = await peer.call<Collected>('collect', { side: 'e2e', phase: 'throughput', withCommits: true }, 120_000);
    const tpEnd = tp.last ?? nowMs();
    const e2eThroughput = {
      events: N,
      consumed: tp.count,
      complete: tpComplete,
      writeSeconds: round((tpWritten - tpStart) / 1000, 3),
      writeEventsPerSec: perSecond(N, tpWritten - tpStart),
      endToEndSeconds: round((tpEnd - tpStart) / 1000, 3),
      eventsPerSec: perSecond(tp.count, tpEnd - tpStart),
      latencyMs: summarize(tp.latencies),
      breakdownMs: await breakdown(tp.commits),
      relay: relayDiagnostics(),
      producerPool: poolDiagnostics(),
      consumer: { transactions: tp.transactions, fetches: tp.fetches, kafkaCommitOffsetsMs: await peer.call('commitOffsetTimes'), kafkaConsumerEvents: tp.kafkaConsumerEvents },
      cpu: tpCpuUsed,
      postgres: postgresDiagnostics(),
    };
    log(`e2e throughput: ${e2eThroughput.eventsPerSec} events/s, p99 ${e2eThroughput.latencyMs?.p99} ms`);
    await sleep(1000);

    // ---- (a2) end-to-end latency at the offered rate, one event per transaction ----
    log(`e2e latency: ${settings.rate}/s for ${settings.rateSeconds}s, one event per transaction`);
    await phase('latency');
    resetDiagnostics();
    const latCpu = await cpuMark();
    const lat = await offeredLoad(settings.rate, settings.rateSeconds, settings.phaseTimeoutMs, async (i, due) => {
      await ds.transaction((tx) => writer.append(tx, delegationCreated('latency', i, new Date(due))));
    });
    const latComplete = await waitForCount(peer, 'e2e', 'latency', lat.total - lat.failed, settings.phaseTimeoutMs);
    const latCpuUsed = cpuBetween(latCpu, await cpuMark(), cores);
    const lc = await peer.call<Collected>('collect', { side: 'e2e', phase: 'latency', withCommits: true }, 120_000);
    const e2eLatency = {
      offeredPerSec: settings.rate,
      seconds: settings.rateSeconds,
      events: lat.total,
      writeFailures: lat.failed,
      consumed: lc.count,
      complete: latComplete,
      achievedWritePerSec: perSecond(lat.total - lat.failed, lat.lastDoneMs - lat.startMs),
      achievedDeliveredPerSec: lc.last ? perSecond(lc.count, lc.last - lat.startMs) : 0,
      latencyMs: summarize(lc.latencies),
      breakdownMs: await breakdown(lc.commits),
      writerCommitLatencyMs: lat.doneLatencyMs,
      schedulerLaunchLagMs: lat.launchLagMs,
      relay: relayDiagnostics(),
      producerPool: poolDiagnostics(),
      consumer: { transactions: lc.transactions, fetches: lc.fetches, kafkaCommitOffsetsMs: await peer.call('commitOffsetTimes'), kafkaConsumerEvents: lc.kafkaConsumerEvents },
      cpu: latCpuUsed,
      postgres: postgresDiagnostics(),
    };
    log(`e2e latency: p50 ${e2eLatency.latencyMs?.p50} p99 ${e2eLatency.latencyMs?.p99} ms`);

    // effect rows as the database has them: exactly one per event
    const effects = await (async () => {
      const c = new Client({ connectionString: consumerDb });
      await c.connect();
      try {
        // cross-check from the database clock: occurred_at -> applied_at (clock_timestamp() of the handler's INSERT, before the commit)
        const r = await c.query<{ phase: string; rows: number; distinct_events: number; p: number[] }>(
          `SELECT phase, count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct_events,
                  percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - occurred_at) * 1000) AS p
           FROM bench_effect GROUP BY phase ORDER BY phase`,
        );
        return Object.fromEntries(
          r.rows.map((x) => [
            x.phase,
            {
              rows: x.rows,
              distinctEvents: x.distinct_events,
              occurredToHandlerInsertMs: { p50: round(Number(x.p[0])), p95: round(Number(x.p[1])), p99: round(Number(x.p[2])) },
            },
          ]),
        );
      } finally {
        await c.end();
      }
    })();
    const runnerCounts = await peer.call<{ processed: number; deadLettered: number; untracked: number }>('stopE2E', {}, 60_000);
    await relay.stop();
    relay = undefined;
    clearInterval(poolSampler);
    log('end-to-end pipeline stopped');

    // ---------- (b) raw kafkajs on the same broker ----------
    const rk = rawKafka('bench-raw-producer', settings.brokers);
    const rawTopic = `${topicPrefix}raw.delegation.events`;
    const rawGroup = `${topicPrefix}raw-consumer`;
    res.groups.push(rawGroup);
    await ensureTopics(rk, [rawTopic], settings.partitions);
    rawProducer = rk.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    await rawProducer.connect();
    const maxWaitTimeInMs = settings.consumerMaxWaitMs ?? DEFAULT_CONSUMER.maxWaitTimeInMs;
    await peer.call('startRaw', { brokers: settings.brokers, topic: rawTopic, groupId: rawGroup, maxWaitTimeInMs }, 120_000);
    // same bytes as the end-to-end messages: the envelope JSON as the outbox stores it, and the same headers
    const rawMessage = (phaseName: string, i: number, timestampMs: number): Message => {
      const row = writer.toRow(writer.envelope(delegationCreated(phaseName, i, new Date(timestampMs))), rawTopic);
      return { key: row.key, value: row.value, headers: { ...row.headers, [PHASE_HEADER]: phaseName }, timestamp: String(Math.floor(timestampMs)) };
    };
    const messageBytes = summarize(Array.from({ length: 200 }, (_, i) => rawMessage('throughput', i * 100, Date.now()).value!.length));

    await rawProducer.send({ topic: rawTopic, acks: -1, messages: Array.from({ length: settings.warmupEvents }, (_, i) => rawMessage('warmup', i, nowMs())) });
    await waitForCount(peer, 'raw', 'warmup', settings.warmupEvents, settings.phaseTimeoutMs);
    await sleep(500);

    log(`raw throughput: ${N} messages, ${settings.rawBatchSize} per send, acks -1`);
    const prepared = Array.from({ length: N }, (_, i) => rawMessage('throughput', i, 0));
    const rawCpu = await cpuMark();
    const rawStart = nowMs();
    for (let i = 0; i < N; i += settings.rawBatchSize) {
      const ts = String(Math.floor(nowMs()));
      await rawProducer.send({ topic: rawTopic, acks: -1, messages: prepared.slice(i, i + settings.rawBatchSize).map((m) => ({ ...m, timestamp: ts })) });
    }
    const rawWritten = nowMs();
    const rawTpComplete = await waitForCount(peer, 'raw', 'throughput', N, settings.phaseTimeoutMs);
    const rawCpuUsed = cpuBetween(rawCpu, await cpuMark(), cores);
    const rtp = await peer.call<Collected>('collect', { side: 'raw', phase: 'throughput' }, 60_000);
    const rawEnd = rtp.last ?? nowMs();
    const rawThroughput = {
      events: N,
      consumed: rtp.count,
      complete: rawTpComplete,
      produceSeconds: round((rawWritten - rawStart) / 1000, 3),
      produceEventsPerSec: perSecond(N, rawWritten - rawStart),
      endToEndSeconds: round((rawEnd - rawStart) / 1000, 3),
      eventsPerSec: perSecond(rtp.count, rawEnd - rawStart),
      latencyMs: summarize(rtp.latencies),
      cpu: rawCpuUsed,
    };
    log(`raw throughput: ${rawThroughput.eventsPerSec} events/s`);
    await sleep(1000);

    log(`raw latency: ${settings.rate}/s for ${settings.rateSeconds}s, one message per send`);
    const producer = rawProducer;
    const rlatCpu = await cpuMark();
    const rlat = await offeredLoad(settings.rate, settings.rateSeconds, settings.phaseTimeoutMs, async (i, due) => {
      await producer.send({ topic: rawTopic, acks: -1, messages: [rawMessage('latency', i, due)] });
    });
    const rawLatComplete = await waitForCount(peer, 'raw', 'latency', rlat.total - rlat.failed, settings.phaseTimeoutMs);
    const rlatCpuUsed = cpuBetween(rlatCpu, await cpuMark(), cores);
    const rlc = await peer.call<Collected>('collect', { side: 'raw', phase: 'latency' }, 60_000);
    const rawLatency = {
      offeredPerSec: settings.rate,
      seconds: settings.rateSeconds,
      events: rlat.total,
      sendFailures: rlat.failed,
      consumed: rlc.count,
      complete: rawLatComplete,
      achievedProducePerSec: perSecond(rlat.total - rlat.failed, rlat.lastDoneMs - rlat.startMs),
      achievedDeliveredPerSec: rlc.last ? perSecond(rlc.count, rlc.last - rlat.startMs) : 0,
      latencyMs: summarize(rlc.latencies),
      producerAckLatencyMs: rlat.doneLatencyMs,
      schedulerLaunchLagMs: rlat.launchLagMs,
      cpu: rlatCpuUsed,
    };
    log(`raw latency: p50 ${rawLatency.latencyMs?.p50} p99 ${rawLatency.latencyMs?.p99} ms`);
    await peer.call('stopRaw', {}, 30_000);
    clearInterval(waitSampler);
    monitor = undefined;
    await monitorClient.end().catch(() => undefined);

    // ---------- report ----------
    const e2eP99 = e2eLatency.latencyMs?.p99 ?? null;
    const rawP99 = rawLatency.latencyMs?.p99 ?? null;
    const cpus = os.cpus();
    const doc = {
      benchmark: 'twinning messaging pipeline: outbox -> relay -> Kafka -> consumer runner (inbox) vs raw kafkajs',
      startedAt,
      durationSeconds: round((nowMs() - started) / 1000, 1),
      machine: {
        cores: cpus.length,
        cpuModel: cpus[0]?.model ?? null,
        memoryGiB: round(os.totalmem() / 2 ** 30, 1),
        loadAverage1mAtStart: round(loadAtStart, 2),
        loadAverage1mAtEnd: round(os.loadavg()[0], 2),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        kafkajs: packageVersion('kafkajs'),
        typeorm: packageVersion('typeorm'),
        pg: packageVersion('pg'),
        postgres: pgInfo,
        brokers: settings.brokers,
      },
      settings: {
        events: N,
        eventsPerTransaction: settings.txSize,
        concurrentWriters: settings.writers,
        offeredRatePerSec: settings.rate,
        offeredRateSeconds: settings.rateSeconds,
        partitions: settings.partitions,
        warmupEvents: settings.warmupEvents,
        rawEventsPerSend: settings.rawBatchSize,
        messageValueBytes: messageBytes,
        relay: { ...DEFAULT_RELAY, ...relaySettings },
        consumer: { ...DEFAULT_CONSUMER, ...consumerSettings },
        databasePoolSize: settings.poolSize ?? 10,
        experiments: settings.experiments,
        processes: 'producer side (writers, OutboxRelay, raw producer) and consumer side (ConsumerRunner, raw consumer) run in two Node processes; one PostgreSQL server, two databases',
        definitions: {
          endToEndThroughput: 'events / (first write transaction started -> last effect row committed)',
          endToEndLatency: "envelope occurredAt -> the consumer's batch transaction (inbox + effect row) committed, as observed by the consumer process when dataSource.transaction() returned",
          occurredAtInLatencyPhase: 'the scheduled send time (open-loop load: a late writer counts against latency)',
          rawThroughput: 'messages / (first send -> last message delivered to eachBatch)',
          rawLatency: 'Kafka message timestamp (set to the scheduled send time) -> message delivered to eachBatch',
          breakdown: 'occurredAt -> outbox.published_at (set after the Kafka ack), and outbox.published_at -> consumer commit',
        },
      },
      results: {
        endToEnd: { throughput: e2eThroughput, latencyAtOfferedRate: e2eLatency, effectRows: effects, runner: runnerCounts },
        rawKafkajs: { throughput: rawThroughput, latencyAtOfferedRate: rawLatency },
      },
      ratios: {
        throughputEndToEndOverRaw: ratio(e2eThroughput.eventsPerSec, rawThroughput.eventsPerSec),
        p99EndToEndOverRawAtOfferedRate: ratio(e2eP99, rawP99, 2),
        p99EndToEndMinusRawMs: e2eP99 !== null && rawP99 !== null ? round(e2eP99 - rawP99) : null,
        p50EndToEndOverRawAtOfferedRate: ratio(e2eLatency.latencyMs?.p50, rawLatency.latencyMs?.p50, 2),
      },
      targets: {
        throughputEventsPerSec: { target: 3000, reached: e2eThroughput.eventsPerSec, met: e2eThroughput.complete && e2eThroughput.eventsPerSec >= 3000 },
        p99AtOffered500Ms: {
          target: 200,
          reached: e2eP99,
          met: settings.rate === 500 && e2eLatency.complete && e2eP99 !== null && e2eP99 <= 200,
          ...(settings.rate === 500 ? {} : { note: `measured at ${settings.rate}/s, not 500/s` }),
        },
      },
    };
    await cleanup();
    await new Promise<void>((resolve) => (process.send ? process.send({ kind: 'result', doc }, () => resolve()) : resolve()));
  } catch (e) {
    log(`benchmark failed: ${(e as Error).stack ?? e}`);
    await cleanup().catch(() => undefined);
    process.exitCode = 1;
  }
}
