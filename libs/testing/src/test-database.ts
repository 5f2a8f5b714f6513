import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from './eventually';

const adminUrl = (): string => process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty PostgreSQL database on the real server, unique to this test run and file. */
export class TestDatabase {
  private constructor(readonly name: string, readonly url: string) {}

  static async create(label: string): Promise<TestDatabase> {
    const run = process.env.TEST_RUN_ID ?? `r${Date.now().toString(36)}`;
    const name = `t_${run}_${randomUUID().slice(0, 8)}_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63);
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    return new TestDatabase(name, url.toString());
  }

  async drop(): Promise<void> {
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }

  /**
   * The database "goes down": new connections are refused and every open session is ended (their transactions roll
   * back); resolves once none is left. `acceptConnections()` brings it back.
   */
  async refuseConnections(): Promise<void> {
    await this.admin(async (admin) => {
      await admin.query(`ALTER DATABASE "${this.name}" WITH ALLOW_CONNECTIONS false`);
      await eventually(async () => {
        const { rows } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [this.name]);
        if (rows.length > 0) throw new Error(`${rows.length} session(s) of ${this.name} still open`);
      }, { intervalMs: 20, timeoutMs: 10000 });
    });
  }

  async acceptConnections(): Promise<void> {
    await this.admin((admin) => admin.query(`ALTER DATABASE "${this.name}" WITH ALLOW_CONNECTIONS true`));
  }

  private async admin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.end();
    }
  }

  /** A short-lived client for assertions on rows. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  }
}
