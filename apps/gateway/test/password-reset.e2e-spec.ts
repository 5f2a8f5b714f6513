import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, resetTokenFrom, TestDatabase, TestKafka, testKeys, uniqueTopicPrefix } from '@twinning/testing';
import { gatewayApp } from '../src/app.module';
import { GatewayEnv } from '../src/config/gateway-env';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'apps', 'gateway', 'src', 'identity', 'cli', 'bootstrap-organisation.js');
const run = promisify(execFile);

/**
 * "Forgot password" on the real gateway, the real database and the real broker: any address gets the same answer;
 * only a real account's request puts `user.password-reset-requested` on the topic; an account is sent at most its
 * share of links (further requests: the same answer, no event); one client address has a limit that counts unknown
 * emails too (429 whatever the email); a newer link replaces the open one; the password policy applies.
 */
describe('password reset (real gateway, real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let meiId: string;
  const PER_ACCOUNT = 2;
  const PER_ADDRESS = 6;
  const MEI_PASSWORD = 'tacoma-harbour-lights-1994';
  const ask = (email: string, address: string) => request(url).post('/api/identity/password-reset').set('x-forwarded-for', address).send({ email });
  const confirm = (token: string, password: string) => request(url).post('/api/identity/password-reset/confirm').send({ token, password });
  const resetEvents = async () =>
    (await kafka.readAll(withPrefix(prefix, Topics.userEvents))).map((m) => JSON.parse(m.value!.toString())).filter((e) => e.type === 'user.password-reset-requested');

  beforeAll(async () => {
    db = await TestDatabase.create('gateway_reset');
    const unused = 'http://127.0.0.1:9';
    const env = loadEnv(GatewayEnv, {
      ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix,
      DELEGATIONS_URL: unused, HOST_MATCHING_URL: unused, LOGISTICS_URL: unused, NOTIFICATIONS_URL: unused, PUBLIC_WEB_URL: 'https://twinning.example.org',
      TRUSTED_PROXY_HOPS: '1', PASSWORD_RESET_MAX_PER_ACCOUNT: String(PER_ACCOUNT), PASSWORD_RESET_MAX_PER_ADDRESS: String(PER_ADDRESS),
    });
    app = await createServiceApp(gatewayApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const { stdout } = await run(process.execPath, [CLI, '--name', 'Tacoma Sister Cities', '--city', 'Tacoma', '--country', 'US', '--time-zone', 'America/Los_Angeles',
      '--admin-email', 'mei.lin@tacoma.example', '--admin-name', 'Mei Lin', '--admin-language', 'zh-CN'], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, KAFKA_TOPIC_PREFIX: prefix, BOOTSTRAP_ADMIN_PASSWORD: MEI_PASSWORD } });
    meiId = JSON.parse(stdout.trim()).adminUserId;
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('answers an unknown and a known address the same; only the known one is on the topic, in the account language, its link sealed', async () => {
    const unknown = await ask('nobody@tacoma.example', '203.0.113.1').expect(202);
    const known = await ask('Mei.Lin@tacoma.example', '203.0.113.1').expect(202);
    expect(known.body).toEqual(unknown.body);
    expect(Object.keys(known.headers).filter((h) => h.startsWith('retry'))).toEqual([]);
    const [event] = await eventually(async () => {
      const events = await resetEvents();
      expect(events).toHaveLength(1);
      return events;
    }, { timeoutMs: 20000, intervalMs: 250 });
    expect(event).toMatchObject({ aggregateId: meiId, payload: { userId: meiId, email: 'mei.lin@tacoma.example', name: 'Mei Lin', sealedResetUrl: expect.any(String) } });
    expect(event.payload.language).toBe('zh-CN');
    expect(JSON.stringify(event)).not.toContain('reset-password?token=');
  });

  it('sends an account at most its share of links: more requests get the same answer and put nothing on the topic; a newer link replaces the older', async () => {
    // the first test sent one: one more is allowed, then the account stays quiet, from any address
    const answers = [await ask('mei.lin@tacoma.example', '203.0.113.2'), await ask('mei.lin@tacoma.example', '203.0.113.3'), await ask('mei.lin@tacoma.example', '203.0.113.4')];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const [stored] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM password_reset WHERE user_id = $1`, [meiId]);
    expect(stored.n).toBe(PER_ACCOUNT);
    await eventually(async () => {
      const [pending] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
      expect(pending.n).toBe(0);
    }, { timeoutMs: 20000, intervalMs: 250 });
    const events = await resetEvents();
    expect(events).toHaveLength(PER_ACCOUNT);
    const [older, newer] = await Promise.all(events.map((e) => resetTokenFrom(e.payload)));
    expect((await confirm(older, 'a brand new tacoma passphrase').expect(410)).body.code).toBe('IDENTITY.RESET_REPLACED');
    const weak = await confirm(newer, 'Mei Lin').expect(400);
    expect(weak.body.fields.map((f: { field: string }) => f.field)).toEqual(['password']);
    expect((await confirm(newer, 'mei.lin@tacoma.example').expect(400)).body.code).toBe('IDENTITY.PASSWORD_TOO_WEAK');
    expect((await confirm('not-a-token', 'a brand new tacoma passphrase').expect(400)).body.code).toBe('IDENTITY.RESET_INVALID');
    await confirm(newer, 'a brand new tacoma passphrase').expect(204);
    await request(url).post('/api/identity/login').send({ email: 'mei.lin@tacoma.example', password: 'a brand new tacoma passphrase' }).expect(200);
  });

  it('limits one client address, counting unknown emails too: then 429 whatever the email, and another address is not affected', async () => {
    const address = '198.51.100.7';
    for (let i = 0; i < PER_ADDRESS; i++) await ask(`stranger-${i}@example.org`, address).expect(202);
    const refusedUnknown = await ask('stranger-x@example.org', address).expect(429);
    const refusedKnown = await ask('mei.lin@tacoma.example', address).expect(429);
    expect(refusedUnknown.body.code).toBe('IDENTITY.TOO_MANY_RESET_REQUESTS');
    expect(Number(refusedUnknown.headers['retry-after'])).toBeGreaterThan(0);
    expect(refusedKnown.body.code).toBe(refusedUnknown.body.code);
    await ask('stranger-x@example.org', '198.51.100.8').expect(202);
  });
});
