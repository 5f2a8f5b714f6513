import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { kafkaBrokers, ServiceProcess, TestDatabase, testKeys, uniqueTopicPrefix } from '@twinning/testing';

const APPS = ['gateway', 'delegations', 'host-matching', 'logistics', 'notifications'] as const;
const ROOT = join(__dirname, '..', '..');

function migrate(app: string, databaseUrl: string, direction: 'up' | 'down' = 'up') {
  const args = [join(ROOT, 'dist', 'apps', app, 'src', 'database', 'migrate.js'), ...(direction === 'down' ? ['down'] : [])];
  const r = spawnSync(process.execPath, args, { env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 60000 });
  if (r.status !== 0) throw new Error(`${app} migrate ${direction} failed: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

describe('every service', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => Promise.all(dbs.map((d) => d.drop())));

  it.each(APPS)('%s refuses to start with a bad variable, naming it', async (app) => {
    const p = ServiceProcess.spawn(app, { KAFKA_BROKERS: 'no-port-here', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', JWT_PUBLIC_KEY: 'not-a-key' });
    expect(await p.waitForExit()).toBe(1);
    expect(p.output).toContain('refusing to start');
    expect(p.output).toContain('KAFKA_BROKERS="no-port-here"');
    expect(p.output).toContain('JWT_PUBLIC_KEY="not-a-key": JWT_PUBLIC_KEY must be an Ed25519 public key');
  });

  it.each(APPS)('%s migrates up, down to nothing and up again (real down())', async (app) => {
    const db = await TestDatabase.create(`mig_${app}`);
    dbs.push(db);
    expect(migrate(app, db.url)).toContain('CreateMessagingTables1764288000000');
    const tables = async () => (await db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`)).map((r) => r.t);
    const after = await tables();
    expect(after).toEqual(expect.arrayContaining(['dead_letter', 'inbox', 'outbox']));
    const applied = (await db.query('SELECT 1 FROM schema_migrations')).length;
    for (let i = 0; i < applied; i++) migrate(app, db.url, 'down');
    expect(await tables()).toEqual([]);
    migrate(app, db.url);
    expect(await tables()).toEqual(after);
  });

  it.each(APPS)('%s starts, runs its migrations and reports database and Kafka in /health', async (app) => {
    const db = await TestDatabase.create(`boot_${app}`);
    dbs.push(db);
    const svc = await ServiceProcess.start(app, { DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(), ...testKeys() });
    try {
      const res = await request(svc.url).get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'up', database: { up: true }, kafka: { up: true, brokers: 1 } });
      expect((await db.query('SELECT 1 FROM schema_migrations')).length).toBeGreaterThan(0);
    } finally {
      await svc.stop();
    }
  });
});
