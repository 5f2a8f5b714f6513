import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Wall-clock time in epoch milliseconds with sub-millisecond resolution (comparable across processes on one host). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Exact percentiles (nearest rank) of a sorted copy; null for an empty sample. */
export function summarize(values: number[], digits = 1): Summary | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  let sum = 0;
  for (const v of s) sum += v;
  return {
    count: s.length,
    min: round(s[0], digits),
    mean: round(sum / s.length, digits),
    p50: round(at(50), digits),
    p95: round(at(95), digits),
    p99: round(at(99), digits),
    max: round(s[s.length - 1], digits),
  };
}

export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count / ms) * 1000) : 0;
}

export function ratio(a: number | null | undefined, b: number | null | undefined, digits = 3): number | null {
  if (a == null || b == null || b === 0) return null;
  return round(a / b, digits);
}

export { round };

/** Resolves or rejects like `p`, or rejects after `ms` (the underlying work is not cancelled). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)}s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Busy and total jiffies of all CPUs from /proc/stat (null where there is no /proc). */
export function machineCpu(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** user+system clock ticks (USER_HZ, 100 on Linux) a process has used, or null (no /proc, or gone). */
export function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
}

export interface CpuMark {
  at: number;
  producer: NodeJS.CpuUsage;
  consumer: NodeJS.CpuUsage;
  machine: { busy: number; total: number } | null;
  /** ticks of the PostgreSQL backends serving the benchmark's databases, by pid */
  postgres: Map<number, number>;
  broker: number | null;
}

const USER_HZ = 100;

/**
 * CPU used between two marks, in % of ONE core (200 = both cores of a 2-core machine): each bench
 * Node process, the PostgreSQL backends of the bench databases, the Kafka broker (when its pid is
 * known) and everything else on the machine (other tenants, PostgreSQL background processes...).
 */
export function cpuBetween(a: CpuMark, b: CpuMark, cores: number) {
  const wallMs = b.at - a.at;
  const node = (x: NodeJS.CpuUsage, y: NodeJS.CpuUsage) => ((y.user - x.user + y.system - x.system) / 1000 / wallMs) * 100;
  const ticks = (t: number) => ((t / USER_HZ) * 1000 * 100) / wallMs;
  const producer = node(a.producer, b.producer);
  const consumer = node(a.consumer, b.consumer);
  let pgTicks = 0;
  for (const [pid, t] of b.postgres) pgTicks += t - (a.postgres.get(pid) ?? 0);
  const postgres = ticks(pgTicks);
  const broker = a.broker !== null && b.broker !== null ? ticks(b.broker - a.broker) : null;
  const machine = a.machine && b.machine ? ((b.machine.busy - a.machine.busy) / Math.max(1, b.machine.total - a.machine.total)) * 100 * cores : null;
  return {
    unit: '% of one core',
    machineBusy: machine === null ? null : round(machine, 0),
    machineCapacity: cores * 100,
    producerNodeProcess: round(producer, 0),
    consumerNodeProcess: round(consumer, 0),
    benchPostgresBackends: round(postgres, 0),
    kafkaBroker: broker === null ? null : round(broker, 0),
    everythingElse: machine === null ? null : round(machine - producer - consumer - postgres - (broker ?? 0), 0),
  };
}
