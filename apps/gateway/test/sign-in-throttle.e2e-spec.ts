import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, invitationTokenFrom, kafkaBrokers, TestDatabase, TestKafka, testKeys, uniqueTopicPrefix } from '@twinning/testing';
import { gatewayApp } from '../src/app.module';
import { GatewayEnv } from '../src/config/gateway-env';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'apps', 'gateway', 'src', 'identity', 'cli', 'bootstrap-organisation.js');
const run = promisify(execFile);

/**
 * Sign-in throttling on the real gateway and the real database: parallel guesses are counted before any password is
 * checked; a stranger's guesses slow down only their own address, so the owner still signs in from theirs; one address
 * has a limit across accounts; the admins see the failed sign-ins of their members in the audit trail; accepting an
 * invitation with an existing account's password is throttled the same way.
 */
describe('sign-in throttling (real gateway, real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const api = () => request(url);

  const FREE_FAILURES = 5;
  const PER_ADDRESS = 30;
  const MEI_PASSWORD = 'tacoma-harbour-lights-1994';
  const ANA_PASSWORD = 'jalalabad-gardens-2004!';
  let orgA: string;
  let orgB: string;
  let ana: string;

  async function bootstrap(args: string[], password: string) {
    const { stdout } = await run(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, KAFKA_TOPIC_PREFIX: prefix, BOOTSTRAP_ADMIN_PASSWORD: password },
    });
    return JSON.parse(stdout.trim()) as { organisationId: string; adminUserId: string };
  }

  const login = (email: string, password: string, address: string) => api().post('/api/identity/login').set('x-forwarded-for', address).send({ email, password });
  const accept = (token: string, password: string, address: string) => api().post('/api/identity/invitations/accept').set('x-forwarded-for', address).send({ token, password });
  const statuses = (answers: { status: number }[]) => answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});
  const tokenOf = async (email: string, password: string, address: string) => {
    const res = await login(email, password, address);
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };
  const auditOf = async (token: string) =>
    (await api().get('/api/identity/audit?limit=200').set('authorization', `Bearer ${token}`).expect(200)).body.items as Record<string, unknown>[];

  beforeAll(async () => {
    db = await TestDatabase.create('gateway_throttle');
    const unused = 'http://127.0.0.1:9';
    const env = loadEnv(GatewayEnv, {
      ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix,
      DELEGATIONS_URL: unused, HOST_MATCHING_URL: unused, LOGISTICS_URL: unused, NOTIFICATIONS_URL: unused, PUBLIC_WEB_URL: 'https://twinning.example.org',
      // the test client sends X-Forwarded-For as the one trusted proxy would: each person their own address
      TRUSTED_PROXY_HOPS: '1', LOGIN_FREE_FAILURES: String(FREE_FAILURES), LOGIN_DELAY_BASE_SECONDS: '2', LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
    });
    app = await createServiceApp(gatewayApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    orgA = (await bootstrap(['--name', 'Tacoma Sister Cities', '--city', 'Tacoma', '--country', 'US', '--time-zone', 'America/Los_Angeles', '--admin-email', 'mei.lin@tacoma.example', '--admin-name', 'Mei Lin'], MEI_PASSWORD)).organisationId;
    const b = await bootstrap(['--name', 'San Diego Sister City Society', '--city', 'San Diego', '--country', 'US', '--time-zone', 'America/Los_Angeles', '--admin-email', 'ana@sandiego.example', '--admin-name', 'Ana Ruiz'], ANA_PASSWORD);
    orgB = b.organisationId;
    ana = b.adminUserId;
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('checks at most the free failures of 40 parallel wrong passwords; the stranger is then refused even with the right password, the owner signs in from their own address', async () => {
    const stranger = '203.0.113.66';
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login('ana@sandiego.example', `wrong-guess-number-${i}`, stranger)));
    const counted = statuses(answers);
    expect(counted[401]).toBeLessThanOrEqual(FREE_FAILURES);
    expect(counted[401] + counted[429]).toBe(40);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.code).toBe('IDENTITY.TOO_MANY_ATTEMPTS');
    expect(refused.body.message[0]).toMatch(/for this account from your network address; try again in \d+ seconds/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const charged = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM login_failure WHERE account = 'ana@sandiego.example' AND address = $1`, [stranger]);
    expect(charged[0].n).toBe(counted[401]);

    expect((await login('ana@sandiego.example', ANA_PASSWORD, stranger)).status).toBe(429);
    // the owner, from their own address, is not locked out (admins included)
    expect((await login('ana@sandiego.example', ANA_PASSWORD, '198.51.100.7')).status).toBe(200);
  });

  it('slows the same account from the same address down progressively, then lets the right password in and forgives', async () => {
    const address = '203.0.113.70';
    for (let i = 1; i <= FREE_FAILURES; i++) expect((await login('mei.lin@tacoma.example', `not-my-password-${i}`, address)).status).toBe(401);
    const waiting = await login('mei.lin@tacoma.example', MEI_PASSWORD, address);
    expect(waiting.status).toBe(429);
    expect(waiting.body.retryAfterSeconds).toBeLessThanOrEqual(2);
    // the wait has passed (moved back in time rather than slept)
    await db.query(`UPDATE login_failure SET failed_at = failed_at - interval '3 seconds' WHERE address = $1`, [address]);
    expect((await login('mei.lin@tacoma.example', 'not-my-password-6', address)).status).toBe(401);
    const longer = await login('mei.lin@tacoma.example', MEI_PASSWORD, address);
    expect(longer.status).toBe(429);
    expect(longer.body.retryAfterSeconds).toBeGreaterThan(2);
    expect(longer.body.retryAfterSeconds).toBeLessThanOrEqual(4);
    await db.query(`UPDATE login_failure SET failed_at = failed_at - interval '5 seconds' WHERE address = $1`, [address]);
    expect((await login('mei.lin@tacoma.example', MEI_PASSWORD, address)).status).toBe(200);
    expect(await db.query(`SELECT 1 FROM login_failure WHERE address = $1`, [address])).toHaveLength(0);
  });

  it('counts one address across accounts atomically: of 40 parallel guesses at 40 accounts at most the address limit are checked', async () => {
    const address = '203.0.113.88';
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`guess${i}@tacoma.example`, 'wrong-password-123', address)));
    const counted = statuses(answers);
    expect(counted[401]).toBeLessThanOrEqual(PER_ADDRESS);
    expect(counted[429]).toBeGreaterThanOrEqual(40 - PER_ADDRESS);
    const blocked = await login('mei.lin@tacoma.example', MEI_PASSWORD, address);
    expect(blocked.status).toBe(429);
    expect(blocked.body.message[0]).toMatch(/too many failed sign-in attempts from your network address/);
  });

  it("shows failed and throttled sign-ins to the admins of the account's organisations, and to no one else", async () => {
    const anaToken = await tokenOf('ana@sandiego.example', ANA_PASSWORD, '198.51.100.7');
    const entries = await eventually(async () => {
      const items = (await auditOf(anaToken)).filter((e) => e.eventCode);
      expect(items.filter((e) => e.eventCode === 'sign-in-throttled').length).toBeGreaterThan(0);
      return items;
    }, { timeoutMs: 10000, intervalMs: 200 });
    const failed = entries.filter((e) => e.eventCode === 'sign-in-failed');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.length).toBeLessThanOrEqual(FREE_FAILURES);
    expect(failed[0]).toMatchObject({ organisationId: orgB, accountUserId: ana, userId: null, method: 'POST', path: '/api/identity/login', status: 401, clientAddress: '203.0.113.66' });
    expect(entries.find((e) => e.eventCode === 'sign-in-throttled')).toMatchObject({ accountUserId: ana, status: 429, clientAddress: '203.0.113.66' });

    // Tacoma's admin sees Mei's own failures, none of Ana's, and nothing for the unknown guessed emails
    const meiEntries = (await auditOf(await tokenOf('mei.lin@tacoma.example', MEI_PASSWORD, '198.51.100.8'))).filter((e) => e.eventCode);
    expect(meiEntries.length).toBeGreaterThan(0);
    expect(meiEntries.every((e) => e.organisationId === orgA && e.accountUserId !== ana)).toBe(true);
  });

  it('throttles accepting an invitation with an existing account the same way, on the same count as signing in', async () => {
    const meiToken = await tokenOf('mei.lin@tacoma.example', MEI_PASSWORD, '198.51.100.8');
    await api().post(`/api/identity/organisations/${orgA}/invitations`).set('authorization', `Bearer ${meiToken}`).send({ email: 'ana@sandiego.example', roles: ['coordinator'] }).expect(201);
    const token = await eventually(async () => {
      const found = (await kafka.readAll(withPrefix(prefix, Topics.organisationEvents))).map((m) => JSON.parse(m.value!.toString())).filter((e) => e.type === 'user.invited');
      expect(found).toHaveLength(1);
      return await invitationTokenFrom(found[0].payload);
    }, { timeoutMs: 30000, intervalMs: 250 });

    const stranger = '203.0.113.99';
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => accept(token, `wrong-guess-number-${i}`, stranger)));
    const counted = statuses(answers);
    expect(counted[403]).toBeLessThanOrEqual(FREE_FAILURES);
    expect(counted[403] + counted[429]).toBe(40);
    expect(answers.find((a) => a.status === 403)!.body.code).toBe('IDENTITY.EXISTING_ACCOUNT');
    expect(answers.find((a) => a.status === 429)!.body.code).toBe('IDENTITY.TOO_MANY_ATTEMPTS');
    // the same (account, address) count as signing in
    expect((await login('ana@sandiego.example', ANA_PASSWORD, stranger)).status).toBe(429);
    expect((await accept(token, ANA_PASSWORD, stranger)).status).toBe(429);

    const accepted = await accept(token, ANA_PASSWORD, '198.51.100.7').expect(201);
    expect(accepted.body).toMatchObject({ userId: ana, organisationId: orgA, accountCreated: false });
    const anaToken = await tokenOf('ana@sandiego.example', ANA_PASSWORD, '198.51.100.7');
    await eventually(async () => {
      expect((await auditOf(anaToken)).some((e) => e.eventCode === 'sign-in-failed' && e.path === '/api/identity/invitations/accept' && e.clientAddress === stranger)).toBe(true);
    }, { timeoutMs: 10000, intervalMs: 200 });
  });
});
