import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

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
