import { DataSource } from 'typeorm';
import { ConsumerRunner } from '../inbox/consumer-runner';
import { OutboxRelay } from '../outbox/outbox-relay';
import { ReadinessCheck } from './readiness-check';

export interface ReadinessSettings {
  /** A partition with lag whose committed offset has not moved for this long makes the service unready. */
  stuckAfterMs: number;
  /** The oldest unpublished outbox row older than this makes the service unready. */
  outboxMaxAgeMs: number;
  /** Bound of the one database query a probe makes. */
  queryTimeoutMs: number;
}

export function readinessSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadinessSettings {
  return {
    stuckAfterMs: positive(env.READINESS_STUCK_AFTER_MS, 60_000),
    outboxMaxAgeMs: positive(env.READINESS_OUTBOX_MAX_AGE_MS, 60_000),
    queryTimeoutMs: 2000,
  };
}

/**
 * Whether a service can do its work: database reachable, Kafka producer connected, every consumer
 * running and no partition stuck, the outbox draining. The consumer and relay state is what they track
 * in memory as they run, so a probe makes no Kafka call; the one query (database and outbox age at once)
 * is bounded.
 */
export class MessagingReadiness {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runners: () => readonly ConsumerRunner[],
    private readonly relay: OutboxRelay,
    private readonly settings: ReadinessSettings = readinessSettingsFromEnv(),
  ) {}

  async check(now = Date.now()): Promise<ReadinessCheck[]> {
    const checks: ReadinessCheck[] = [...(await this.databaseAndOutbox())];
    const producer = this.relay.health();
    if (!producer.connected) checks.push({ name: 'kafka-producer', up: false, detail: 'the outbox relay producer is not connected' });
    else if (producer.failing) checks.push({ name: 'kafka-producer', up: false, detail: `the outbox relay keeps failing: ${producer.failing}` });
    else checks.push({ name: 'kafka-producer', up: true });
    for (const runner of this.runners()) {
      const h = runner.health(now);
      checks.push(h.crashed ? { name: `consumer:${runner.groupId}`, up: false, detail: `not running: ${h.crashed}` } : { name: `consumer:${runner.groupId}`, up: true });
      for (const p of h.pending) {
        if (p.sinceMs < this.settings.stuckAfterMs) continue;
        checks.push({
          name: `stuck:${runner.groupId}:${p.topic}:${p.partition}`,
          up: false,
          detail: `group ${runner.groupId} has not moved past offset ${p.offset} of ${p.topic} partition ${p.partition} for ${Math.round(p.sinceMs / 1000)} s`,
        });
      }
    }
    return checks;
  }

  private async databaseAndOutbox(): Promise<ReadinessCheck[]> {
    try {
      const rows: { age_ms: number | null }[] = await Promise.race([
        this.dataSource.query(`SELECT (EXTRACT(EPOCH FROM (now() - min(created_at))) * 1000)::float8 AS age_ms FROM outbox WHERE published_at IS NULL`),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), this.settings.queryTimeoutMs).unref()),
      ]);
      const age = rows[0]?.age_ms ?? 0;
      const outbox: ReadinessCheck =
        age > this.settings.outboxMaxAgeMs
          ? { name: 'outbox', up: false, detail: `the oldest unpublished outbox row is ${Math.round(age / 1000)} s old` }
          : { name: 'outbox', up: true };
      return [{ name: 'database', up: true }, outbox];
    } catch (e) {
      return [
        { name: 'database', up: false, detail: `unreachable: ${(e as Error).message}` },
        { name: 'outbox', up: false, detail: 'unknown while the database is unreachable' },
      ];
    }
  }
}

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}
