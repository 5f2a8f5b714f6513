import { Client } from 'pg';
import request from 'supertest';
import { eventually, freePort, kafkaBrokers, ServiceProcess, TestDatabase, testKeys, uniqueTopicPrefix } from '@twinning/testing';

/** Liveness, readiness and bounded shutdown of the built services, on the real broker and database. */
describe('health probes and shutdown', () => {
  const dbs: TestDatabase[] = [];
  const procs: ServiceProcess[] = [];
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await Promise.all(dbs.map((d) => d.drop()));
  });

  async function start(app: string, env: Record<string, string> = {}) {
    const db = await TestDatabase.create(`health_${app}`);
    dbs.push(db);
    const svc = await ServiceProcess.start(app, { DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(), ...testKeys(), ...env });
    procs.push(svc);
    return { db, svc };
  }

  it.each(['gateway', 'notifications'])('%s is live and ready without a token, each consumer group listed', async (app) => {
    const { svc } = await start(app);
    await request(svc.url).get('/health/live').expect(200, { status: 'up' });
    const ready = await eventually(async () => (await request(svc.url).get('/health/ready').expect(200)).body as { checks: { name: string; up: boolean }[] });
    expect(ready.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['database', 'outbox', 'kafka-producer', expect.stringMatching(/^consumer:/)]));
    expect(ready.checks.every((c) => c.up)).toBe(true);
    await request(svc.url).get('/health').expect(200);
  });

  it('stays live but is not ready while its database cannot be reached', async () => {
    const { db, svc } = await start('delegations');
    await eventually(() => request(svc.url).get('/health/ready').expect(200));
    try {
      await db.refuseConnections();
      const res = await eventually(() => request(svc.url).get('/health/ready').expect(503));
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 503, code: 'HEALTH.NOT_READY' });
      expect(res.body.detail).toContain('database');
      expect(res.body.checks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'database', up: false })]));
      await request(svc.url).get('/health/live').expect(200);
    } finally {
      await db.acceptConnections();
    }
    await eventually(() => request(svc.url).get('/health/ready').expect(200), { timeoutMs: 30000 });
  });

  it('exits within the shutdown bound on SIGTERM while the broker cannot be reached', async () => {
    const db = await TestDatabase.create('health_shutdown');
    dbs.push(db);
    const nobody = await freePort();
    const p = ServiceProcess.spawn('notifications', {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: `127.0.0.1:${nobody}`,
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(),
      SHUTDOWN_TIMEOUT_MS: '3000',
      PORT: String(await freePort()),
      ...testKeys(),
    });
    procs.push(p);
    // migrations done: the service is now waiting for the broker
    await eventually(async () => expect((await db.query('SELECT 1 FROM schema_migrations')).length).toBeGreaterThan(0));
    const t0 = Date.now();
    p.signal('SIGTERM');
    const code = await p.waitForExit();
    expect(Date.now() - t0).toBeLessThan(3000 + 1500);
    expect(p.exitSignal === 'SIGTERM' || code !== null).toBe(true);
    expect(p.exitSignal).not.toBe('SIGKILL');
  });

  it('exits within the shutdown bound on SIGTERM while its outbox relay hangs on a locked table', async () => {
    const { db, svc } = await start('notifications', { SHUTDOWN_TIMEOUT_MS: '3000' });
    const locker = new Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE outbox IN ACCESS EXCLUSIVE MODE');
      // the relay's next poll now waits on the lock, and so would stopping it
      await eventually(async () =>
        expect(await db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE '%outbox-relay' AND wait_event_type = 'Lock'`, [db.name])).toHaveLength(1),
      );
      const t0 = Date.now();
      svc.signal('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([svc.waitForExit(), new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), 3000 + 2000)))]);
      clearTimeout(timer);
      expect(outcome).toBe(1);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(3000 - 100);
      expect(svc.output).toContain('did not stop within the shutdown timeout');
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
  });
});
