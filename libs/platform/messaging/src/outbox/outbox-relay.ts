import { Client, ClientConfig } from 'pg';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { createLogger, Logger } from '@twinning/platform-observability';
import { DEFAULT_RELAY, MessagingOptions, RelaySettings } from '../messaging-options';
import { createOrderedProducer } from '../kafka/kafka-factory';

interface PendingRow {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** Advisory lock key: one active relay per database, other instances stand by. */
const RELAY_LOCK_KEY = 7_322_001;

/**
 * Publishes pending outbox rows to Kafka in id order, keyed by aggregate id, then marks them
 * published. Wakes on NOTIFY from the outbox trigger; a slow safety poll covers lost notifications.
 * A crash between the Kafka acknowledgement and the mark re-publishes those rows: at most a
 * duplicate (consumers' inboxes absorb it), never a loss.
 */
export class OutboxRelay {
  private readonly settings: RelaySettings;
  private readonly log: Logger;
  private producer?: Producer;
  private listener?: Client;
  private running = false;
  private wake?: () => void;
  private dirty = true;
  private loop?: Promise<void>;
  private lastCleanup = 0;
  private isLeader = false;
  private producerConnected = false;
  /** The last drain's error while the relay keeps failing (broker or database away), cleared by a good drain. */
  private failing?: string;
  published = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: MessagingOptions,
  ) {
    this.settings = { ...DEFAULT_RELAY, ...options.relay };
    this.log = createLogger(`${options.service}.outbox-relay`);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.producer = createOrderedProducer(this.kafka);
    this.producer.on(this.producer.events.CONNECT, () => (this.producerConnected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.producerConnected = false));
    await this.producer.connect();
    await this.connectListener();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.listener = undefined;
    // the advisory lock lived on the listener connection that just closed: a later start() must take it again
    this.isLeader = false;
    this.dirty = true;
  }

  /** What readiness needs, from memory: whether the relay runs with a connected producer. */
  health(): { running: boolean; connected: boolean; failing?: string } {
    return { running: this.running, connected: this.running && this.producerConnected, failing: this.failing };
  }

  /** Publishes the oldest pending rows (up to batchSize rows and maxBatchBytes; used by the loop, callable from tools). Returns rows published. */
  async drainOnce(): Promise<number> {
    const rows = await this.query<PendingRow>(
      `SELECT id, event_id, topic, message_key, value, headers FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`,
      [this.settings.batchSize],
    );
    if (rows.length === 0) return 0;
    const fitting = this.withinByteBudget(rows);
    if (fitting.length < rows.length) this.dirty = true; // the rest goes out in the next round, at once
    return this.publish(fitting);
  }

  /** The longest prefix of the rows (in outbox order, at least one row) within maxBatchBytes. */
  private withinByteBudget(rows: PendingRow[]): PendingRow[] {
    let bytes = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      bytes += r.value.length + Buffer.byteLength(r.message_key) + Buffer.byteLength(JSON.stringify(r.headers)) + 64;
      if (bytes > this.settings.maxBatchBytes && i > 0) return rows.slice(0, i);
    }
    return rows;
  }

  private async publish(rows: PendingRow[]): Promise<number> {
    const byTopic = new Map<string, PendingRow[]>();
    for (const r of rows) {
      const list = byTopic.get(r.topic) ?? [];
      list.push(r);
      byTopic.set(r.topic, list);
    }
    await this.producer!.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, list]) => ({
        topic,
        messages: list.map((r) => ({ key: r.message_key, value: r.value, headers: r.headers })),
      })),
    });
    if (this.settings.afterPublish) await this.settings.afterPublish(rows.map((r) => r.event_id));
    await this.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
    this.published += rows.length;
    return rows.length;
  }

  /**
   * The leader runs its queries on its own connection (the one holding LISTEN and the advisory lock),
   * so a busy service pool never delays the relay; without one (drainOnce from a tool) it uses the pool.
   */
  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    if (this.listener && this.isLeader) return (await this.listener.query(sql, params)).rows as T[];
    return this.dataSource.query(sql, params);
  }

  private async connectListener(): Promise<void> {
    // the same database as the DataSource (LISTEN and the advisory lock are per database): from its url,
    // or from its discrete settings when it has none
    const o = this.dataSource.options as PostgresConnectionOptions;
    const target: ClientConfig = o.url
      ? { connectionString: o.url }
      : { host: o.host, port: o.port, user: o.username, password: typeof o.password === 'string' ? o.password : undefined, database: o.database, ssl: o.ssl as ClientConfig['ssl'] };
    const client = new Client({ ...target, application_name: `${this.options.service}-outbox-relay` });
    client.on('notification', () => {
      this.dirty = true;
      this.wake?.();
    });
    client.on('error', (e) => {
      this.log.warn({ err: e.message }, 'outbox listener connection lost; reconnecting');
      this.isLeader = false;
      this.listener = undefined;
      this.wake?.();
    });
    await client.connect();
    await client.query('LISTEN outbox_pending');
    this.listener = client;
  }

  private async tryLead(): Promise<boolean> {
    if (this.isLeader) return true;
    if (!this.listener) await this.connectListener();
    const res = await this.listener!.query('SELECT pg_try_advisory_lock($1) AS ok', [RELAY_LOCK_KEY]);
    this.isLeader = res.rows[0].ok === true;
    return this.isLeader;
  }

  private sleep(ms: number): Promise<void> {
    // stop() clears `running` and then wakes a sleep in progress; a sleep begun after that (the loop was
    // draining or taking the lead when stop() came) must not start, or stop() would wait a whole idle poll
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => { this.wake = undefined; resolve(); }, ms);
      this.wake = () => { clearTimeout(t); this.wake = undefined; resolve(); };
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!(await this.tryLead())) {
          await this.sleep(this.settings.idlePollMs * 2);
          continue;
        }
        this.dirty = false;
        const n = await this.drainOnce();
        failures = 0;
        this.failing = undefined;
        await this.cleanupIfDue();
        if (n === this.settings.batchSize || this.dirty) continue;
        await this.sleep(this.settings.idlePollMs);
      } catch (e) {
        failures++;
        this.failing = (e as Error).message;
        const delay = Math.min(5000, 100 * 2 ** Math.min(failures, 6));
        if (!this.running) break; // stopped while draining: do not hold stop() up for the backoff
        this.log.warn({ err: (e as Error).message, retryInMs: delay }, 'outbox relay failed; rows stay pending and will be retried');
        await this.sleep(delay);
      }
    }
  }

  private async cleanupIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    await this.query(`DELETE FROM outbox WHERE published_at < now() - ($1 || ' hours')::interval`, [String(this.settings.retentionHours)]);
  }
}
