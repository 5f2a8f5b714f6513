import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Topics, withPrefix } from '@twinning/contracts';
import { AccessTokenVerifier, parsePublicKey } from '@twinning/platform-auth';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, invitationUrlFrom, kafkaBrokers, TestDatabase, TestKafka, testKeys, uniqueTopicPrefix } from '@twinning/testing';
import { gatewayApp } from '../src/app.module';
import { GatewayEnv } from '../src/config/gateway-env';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'apps', 'gateway', 'src', 'identity', 'cli', 'bootstrap-organisation.js');
const run = promisify(execFile);

/** A stand-in for the delegations service behind the proxy: records what reached it. */
class Upstream {
  readonly seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('identity and access through the gateway (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const orgTopic = withPrefix(prefix, Topics.organisationEvents);
  const kafka = new TestKafka();
  const upstream = new Upstream();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const api = () => request(url);

  const ADMIN_PASSWORD = 'tacoma-harbour-lights-1994';
  const ADMIN_B_PASSWORD = 'jalalabad-gardens-2004!';
  let orgA: string;
  let orgB: string;
  let adminA: string;

  async function bootstrap(args: string[], password: string) {
    const { stdout } = await run(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, KAFKA_TOPIC_PREFIX: prefix, BOOTSTRAP_ADMIN_PASSWORD: password },
    });
    return JSON.parse(stdout.trim()) as { organisationId: string; adminUserId: string; created: Record<string, boolean> };
  }

  async function login(email: string, password: string, extra: Record<string, string> = {}, address = '198.51.100.1') {
    return api().post('/api/identity/login').set('x-forwarded-for', address).send({ email, password, ...extra });
  }

  async function tokenOf(email: string, password: string): Promise<string> {
    const res = await login(email, password);
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  }

  async function invitationFor(email: string): Promise<{ payload: Record<string, unknown>; token: string; acceptUrl: string; raw: string; envelope: Record<string, unknown>; headers: Record<string, string> }> {
    return eventually(async () => {
      const messages = await kafka.readAll(orgTopic);
      const found = messages
        .map((m) => ({ raw: m.value!.toString(), envelope: JSON.parse(m.value!.toString()) as Record<string, unknown> & { payload: Record<string, unknown> }, headers: m.headers }))
        .filter((m) => m.envelope.type === 'user.invited' && m.envelope.payload.email === email);
      expect(found.length).toBeGreaterThan(0);
      const last = found[found.length - 1];
      // opened with the notifications service's key, as only that service can
      const acceptUrl = await invitationUrlFrom(last.envelope.payload);
      const token = new URL(acceptUrl).searchParams.get('token');
      expect(token).toBeTruthy();
      return { payload: last.envelope.payload, token: token!, acceptUrl, raw: last.raw, envelope: last.envelope, headers: last.headers };
    }, { timeoutMs: 30000, intervalMs: 250 });
  }

  beforeAll(async () => {
    db = await TestDatabase.create('gateway_identity');
    await upstream.start();
    const unused = 'http://127.0.0.1:9';
    const env = loadEnv(GatewayEnv, {
      ...testKeys(),
      PORT: '0',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      DELEGATIONS_URL: upstream.url,
      HOST_MATCHING_URL: unused,
      LOGISTICS_URL: unused,
      NOTIFICATIONS_URL: unused,
      PUBLIC_WEB_URL: 'https://twinning.example.org',
      // the test client sends X-Forwarded-For as the one trusted proxy would: each test its own address
      TRUSTED_PROXY_HOPS: '1',
    });
    app = await createServiceApp(gatewayApp(env));
    url = await app.getUrl();
    url = url.replace('[::1]', '127.0.0.1');

    const a = await bootstrap(
      ['--name', 'Tacoma Sister Cities', '--city', 'Tacoma', '--country', 'US', '--time-zone', 'America/Los_Angeles', '--language', 'en', '--admin-email', 'Mei.Lin@Tacoma.example', '--admin-name', 'Mei Lin'],
      ADMIN_PASSWORD,
    );
    const b = await bootstrap(
      ['--name', 'San Diego Sister City Society', '--city', 'San Diego', '--country', 'US', '--time-zone', 'America/Los_Angeles', '--admin-email', 'ana@sandiego.example', '--admin-name', 'Ana Ruiz'],
      ADMIN_B_PASSWORD,
    );
    orgA = a.organisationId;
    adminA = a.adminUserId;
    orgB = b.organisationId;
    expect(a.created).toEqual({ organisation: true, admin: true, membership: true });
  });

  afterAll(async () => {
    await app?.close();
    await upstream.stop();
    await kafka.close();
    await db?.drop();
  });

  it('bootstraps idempotently, stores only an argon2id hash, and publishes the organisation, the user and the membership', async () => {
    const again = await bootstrap(
      ['--name', 'tacoma sister cities', '--city', 'Tacoma', '--country', 'US', '--time-zone', 'America/Los_Angeles', '--admin-email', 'mei.lin@tacoma.example', '--admin-name', 'Mei Lin'],
      'a-different-password-entirely',
    );
    expect(again).toEqual({ organisationId: orgA, adminUserId: adminA, created: { organisation: false, admin: false, membership: false } });
    const [user] = await db.query<{ password_hash: string; email: string }>('SELECT password_hash, email FROM app_user WHERE id = $1', [adminA]);
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.password_hash).not.toContain(ADMIN_PASSWORD);
    // the original password still works (an existing password is never changed)
    await tokenOf('mei.lin@tacoma.example', ADMIN_PASSWORD);

    const types = await eventually(async () => {
      const msgs = await kafka.readAll(orgTopic);
      const t = msgs.map((m) => JSON.parse(m.value!.toString())).filter((e) => e.organisationId === orgA).map((e) => e.type);
      expect(t).toEqual(expect.arrayContaining(['organisation.registered', 'membership.granted']));
      return t;
    }, { timeoutMs: 30000, intervalMs: 250 });
    expect(types.filter((t: string) => t === 'organisation.registered')).toHaveLength(1);
    const users = await eventually(async () => {
      const msgs = (await kafka.readAll(withPrefix(prefix, Topics.userEvents))).map((m) => JSON.parse(m.value!.toString()));
      expect(msgs.length).toBeGreaterThanOrEqual(2);
      return msgs;
    }, { timeoutMs: 30000, intervalMs: 250 });
    const mei = users.find((e) => e.aggregateId === adminA);
    expect(mei).toMatchObject({ type: 'user.registered', version: 1, producer: 'gateway', payload: { userId: adminA, email: 'Mei.Lin@Tacoma.example', name: 'Mei Lin', language: 'en' } });
    expect(JSON.stringify(users)).not.toMatch(/argon2|password/i);
  });

  it('logs in, invites, publishes user.invited, accepts with the token, and the new user signs in with the right organisation and roles', async () => {
    const res = await login('MEI.LIN@tacoma.example', ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, organisationId: orgA, roles: ['admin'], organisations: [{ organisationId: orgA, name: 'Tacoma Sister Cities', roles: ['admin'] }] });
    expect(typeof res.body.refreshToken).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    const adminToken = res.body.accessToken as string;

    const invite = await api()
      .post(`/api/identity/organisations/${orgA}/invitations`)
      .set('authorization', `Bearer ${adminToken}`)
      .set('x-correlation-id', 'invite-host-1')
      .send({ email: 'host.family@tacoma.example', name: 'Jordan Okafor', roles: ['host', 'coordinator'], language: 'zh-cn' })
      .expect(201);
    expect(invite.body).toMatchObject({ organisationId: orgA, email: 'host.family@tacoma.example', roles: ['coordinator', 'host'], language: 'zh-CN' });
    expect(invite.body.token).toBeUndefined();
    const expiresAt = Date.parse(invite.body.expiresAt);
    expect(expiresAt - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    const { payload, token, acceptUrl, raw, envelope, headers } = await invitationFor('host.family@tacoma.example');
    expect(envelope).toMatchObject({ type: 'user.invited', version: 2, organisationId: orgA, aggregateId: orgA, correlationId: 'invite-host-1', producer: 'gateway' });
    expect(headers['x-correlation-id']).toBe('invite-host-1');
    expect(payload).toMatchObject({
      invitationId: invite.body.id, organisationId: orgA, organisationName: 'Tacoma Sister Cities', email: 'host.family@tacoma.example', name: 'Jordan Okafor',
      roles: ['coordinator', 'host'], language: 'zh-CN', invitedByUserId: adminA, invitedByName: 'Mei Lin', expiresAt: invite.body.expiresAt,
    });
    expect(acceptUrl).toMatch(/^https:\/\/twinning\.example\.org\/accept-invitation\?token=/);
    // the topic carries the link only sealed: neither the token nor the URL is readable there
    expect(payload.acceptUrl).toBeUndefined();
    expect(raw).not.toContain(token);
    expect(raw).not.toContain('accept-invitation');
    // only the hash of the token is stored
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM invitation WHERE id = $1', [invite.body.id]);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toBe(token);

    // a weak password is refused, naming the field, and uses nothing up
    const weak = await api().post('/api/identity/invitations/accept').send({ token, password: 'short' }).expect(400);
    expect(weak.body.fields.map((f: { field: string }) => f.field)).toEqual(['password']);

    const accepted = await api().post('/api/identity/invitations/accept').send({ token, password: 'a long host family passphrase', language: 'zh-CN' }).expect(201);
    expect(accepted.body).toMatchObject({ organisationId: orgA, roles: ['coordinator', 'host'], accountCreated: true });

    const second = await login('host.family@tacoma.example', 'a long host family passphrase');
    expect(second.status).toBe(200);
    const claims = await new AccessTokenVerifier(parsePublicKey(testKeys().JWT_PUBLIC_KEY)).verify(second.body.accessToken);
    expect(claims).toEqual({ userId: accepted.body.userId, organisationId: orgA, roles: ['coordinator', 'host'], email: 'host.family@tacoma.example', name: 'Jordan Okafor', language: 'zh-CN', sessionVersion: 1 });
    const me = await api().get('/api/identity/me').set('authorization', `Bearer ${second.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ user: { email: 'host.family@tacoma.example', name: 'Jordan Okafor', language: 'zh-CN' }, organisationId: orgA, memberships: [{ organisationId: orgA, organisationName: 'Tacoma Sister Cities', roles: ['coordinator', 'host'] }] });

    // the token is single-use
    const reused = await api().post('/api/identity/invitations/accept').send({ token, name: 'Someone Else', password: 'another long passphrase' }).expect(410);
    expect(reused.body.code).toBe('IDENTITY.INVITATION_USED');
    const unknown = await api().post('/api/identity/invitations/accept').send({ token: 'not-a-token-we-issued', name: 'X Y', password: 'another long passphrase' }).expect(400);
    expect(unknown.body.code).toBe('IDENTITY.INVITATION_INVALID');

    // the events of the acceptance
    await eventually(async () => {
      const types = (await kafka.readAll(orgTopic)).map((m) => JSON.parse(m.value!.toString())).filter((e) => e.payload.userId === accepted.body.userId).map((e) => e.type);
      expect(types).toContain('membership.granted');
    }, { timeoutMs: 30000, intervalMs: 250 });
  });

  it('refuses an expired invitation with 410', async () => {
    const adminToken = await tokenOf('mei.lin@tacoma.example', ADMIN_PASSWORD);
    const invite = await api().post(`/api/identity/organisations/${orgA}/invitations`).set('authorization', `Bearer ${adminToken}`).send({ email: 'late@tacoma.example', roles: ['youth-manager'] }).expect(201);
    const { token } = await invitationFor('late@tacoma.example');
    await db.query(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [invite.body.id]);
    const res = await api().post('/api/identity/invitations/accept').send({ token, name: 'Late Comer', password: 'a long enough passphrase' }).expect(410);
    expect(res.body.code).toBe('IDENTITY.INVITATION_EXPIRED');
    expect(await db.query(`SELECT 1 FROM app_user WHERE lower(email) = 'late@tacoma.example'`)).toHaveLength(0);
  });

  it('validates invitations: admin only, known roles, fields named', async () => {
    const adminToken = await tokenOf('mei.lin@tacoma.example', ADMIN_PASSWORD);
    const bad = await api().post(`/api/identity/organisations/${orgA}/invitations`).set('authorization', `Bearer ${adminToken}`).send({ email: 'not-an-email', roles: ['superuser'], colour: 'red' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['colour', 'email', 'roles']);
    const coordinator = await tokenOf('host.family@tacoma.example', 'a long host family passphrase');
    const denied = await api().post(`/api/identity/organisations/${orgA}/invitations`).set('authorization', `Bearer ${coordinator}`).send({ email: 'x@tacoma.example', roles: ['host'] }).expect(403);
    expect(denied.body.code).toBe('AUTH.ROLE_REQUIRED');
    await api().post(`/api/identity/organisations/${orgA}/invitations`).send({ email: 'x@tacoma.example', roles: ['host'] }).expect(401);
  });

  it('rotates refresh tokens and ends the whole session when a rotated token is reused', async () => {
    const first = await login('mei.lin@tacoma.example', ADMIN_PASSWORD);
    const r1 = first.body.refreshToken as string;
    const second = await api().post('/api/identity/refresh').send({ refreshToken: r1 }).expect(200);
    const r2 = second.body.refreshToken as string;
    expect(r2).not.toBe(r1);
    expect(second.body).toMatchObject({ organisationId: orgA, roles: ['admin'], tokenType: 'Bearer' });
    await api().get('/api/identity/me').set('authorization', `Bearer ${second.body.accessToken}`).expect(200);

    const reuse = await api().post('/api/identity/refresh').send({ refreshToken: r1 }).expect(401);
    expect(reuse.body.code).toBe('IDENTITY.REFRESH_REUSED');
    // the thief's reuse also ended the legitimate holder's newer token
    const after = await api().post('/api/identity/refresh').send({ refreshToken: r2 }).expect(401);
    expect(after.body.code).toBe('IDENTITY.SESSION_ENDED');
    // and the access tokens, which may be in the thief's hands too
    await eventually(async () => {
      const me = await api().get('/api/identity/me').set('authorization', `Bearer ${second.body.accessToken}`);
      expect({ status: me.status, code: me.body.code }).toEqual({ status: 401, code: 'AUTH.SESSION_REVOKED' });
    });
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM refresh_token');
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && r.token_hash !== r1 && r.token_hash !== r2)).toBe(true);
  });

  it('logout revokes the session', async () => {
    const res = await login('mei.lin@tacoma.example', ADMIN_PASSWORD);
    await api().get('/api/identity/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    await api().post('/api/identity/logout').send({ refreshToken: res.body.refreshToken }).expect(204);
    const refused = await api().post('/api/identity/refresh').send({ refreshToken: res.body.refreshToken }).expect(401);
    expect(refused.body.code).toBe('IDENTITY.SESSION_ENDED');
    await eventually(async () => {
      const me = await api().get('/api/identity/me').set('authorization', `Bearer ${res.body.accessToken}`);
      expect({ status: me.status, code: me.body.code }).toEqual({ status: 401, code: 'AUTH.SESSION_REVOKED' });
    });
    await api().post('/api/identity/logout').send({ refreshToken: res.body.refreshToken }).expect(204);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await login('nobody@tacoma.example', 'whatever-password-1', {}, '198.51.100.20');
    const wrong = await login('mei.lin@tacoma.example', 'wrong-password-123', {}, '198.51.100.20');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.code).toBe('IDENTITY.INVALID_CREDENTIALS');
  });

  it('refuses a client address after 30 failures across accounts', async () => {
    const address = '203.0.113.77';
    for (let i = 1; i <= 30; i++) {
      expect((await login(`guess${i}@tacoma.example`, 'wrong-password-123', {}, address)).status).toBe(401);
    }
    const blocked = await login('mei.lin@tacoma.example', ADMIN_PASSWORD, {}, address);
    expect(blocked.status).toBe(429);
    expect(blocked.body.message[0]).toMatch(/from your network address/);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await login('mei.lin@tacoma.example', ADMIN_PASSWORD, {}, '203.0.113.78')).status).toBe(200);
  });

  it('keeps each admin to their own organisation: members and audit of another organisation are 403', async () => {
    const tokenA = await tokenOf('mei.lin@tacoma.example', ADMIN_PASSWORD);
    const members = await api().get(`/api/identity/organisations/${orgA}/members`).set('authorization', `Bearer ${tokenA}`).expect(200);
    // by name: Jordan Okafor, Mei Lin
    expect(members.body.items.map((m: { email: string }) => m.email)).toEqual(['host.family@tacoma.example', 'Mei.Lin@Tacoma.example']);
    expect(members.body.items[1]).toMatchObject({ userId: adminA, name: 'Mei Lin', roles: ['admin'], disabled: false });
    expect(JSON.stringify(members.body)).not.toMatch(/argon2|password/i);

    for (const path of [`/api/identity/organisations/${orgB}/members`, `/api/identity/organisations/${orgB}/audit`]) {
      const res = await api().get(path).set('authorization', `Bearer ${tokenA}`).expect(403);
      expect(res.body.code).toBe('IDENTITY.OTHER_ORGANISATION');
    }
    const other = await api().put(`/api/identity/organisations/${orgB}/members/${adminA}/roles`).set('authorization', `Bearer ${tokenA}`).send({ roles: ['admin'] }).expect(403);
    expect(other.body.code).toBe('IDENTITY.OTHER_ORGANISATION');
    const invite = await api().post(`/api/identity/organisations/${orgB}/invitations`).set('authorization', `Bearer ${tokenA}`).send({ email: 'spy@tacoma.example', roles: ['admin'] }).expect(403);
    expect(invite.body.code).toBe('IDENTITY.OTHER_ORGANISATION');
    // a coordinator is not an admin
    const coordinator = await tokenOf('host.family@tacoma.example', 'a long host family passphrase');
    await api().get(`/api/identity/organisations/${orgA}/members`).set('authorization', `Bearer ${coordinator}`).expect(403);
    await api().get('/api/identity/audit').set('authorization', `Bearer ${coordinator}`).expect(403);
  });

  it('changes roles, and never removes the last admin', async () => {
    const tokenA = await tokenOf('mei.lin@tacoma.example', ADMIN_PASSWORD);
    const last = await api().put(`/api/identity/organisations/${orgA}/members/${adminA}/roles`).set('authorization', `Bearer ${tokenA}`).send({ roles: ['coordinator'] }).expect(409);
    expect(last.body.code).toBe('IDENTITY.LAST_ADMIN');
    const [host] = await db.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'host.family@tacoma.example'`);
    const changed = await api().put(`/api/identity/organisations/${orgA}/members/${host.id}/roles`).set('authorization', `Bearer ${tokenA}`).send({ roles: ['host', 'admin'] }).expect(200);
    expect(changed.body.roles).toEqual(['admin', 'host']);
    // now there is another admin: Mei may step down to coordinator, and back (by Jordan)
    await api().put(`/api/identity/organisations/${orgA}/members/${adminA}/roles`).set('authorization', `Bearer ${tokenA}`).send({ roles: ['coordinator'] }).expect(200);
    const jordan = await tokenOf('host.family@tacoma.example', 'a long host family passphrase');
    await api().put(`/api/identity/organisations/${orgA}/members/${adminA}/roles`).set('authorization', `Bearer ${jordan}`).send({ roles: ['admin'] }).expect(200);
    await api().put(`/api/identity/organisations/${orgA}/members/${host.id}/roles`).set('authorization', `Bearer ${jordan}`).send({ roles: ['coordinator', 'host'] }).expect(200);
    // Mei's roles changed since tokenA was issued: the gateway's own guard refuses it within seconds
    await eventually(async () => {
      const stale = await api().get('/api/identity/me').set('authorization', `Bearer ${tokenA}`);
      expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 401, code: 'AUTH.SESSION_REVOKED' });
    });
    const meiAgain = await tokenOf('mei.lin@tacoma.example', ADMIN_PASSWORD);
    await api().put(`/api/identity/organisations/${orgA}/members/00000000-0000-4000-8000-000000000000/roles`).set('authorization', `Bearer ${meiAgain}`).send({ roles: ['host'] }).expect(404);
    // no role at all is not a role change but a removal
    const none = await api().put(`/api/identity/organisations/${orgA}/members/${host.id}/roles`).set('authorization', `Bearer ${meiAgain}`).send({ roles: [] }).expect(400);
    expect(none.body.fields.map((f: { field: string }) => f.field)).toEqual(['roles']);
    await eventually(async () => {
      const changes = (await kafka.readAll(orgTopic)).map((m) => JSON.parse(m.value!.toString())).filter((e) => e.type === 'membership.roles-changed' && e.payload.userId === host.id);
      expect(changes.map((e) => e.payload.roles)).toEqual([['admin', 'host'], ['coordinator', 'host']]);
    }, { timeoutMs: 30000, intervalMs: 250 });
  });

  it('removes a member (never the last admin), ends their sessions, publishes membership.removed and records it in the audit trail', async () => {
    const tokenB = await tokenOf('ana@sandiego.example', ADMIN_B_PASSWORD);
    const [adminB] = await db.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'ana@sandiego.example'`);
    const last = await api().delete(`/api/identity/organisations/${orgB}/members/${adminB.id}`).set('authorization', `Bearer ${tokenB}`).set('x-correlation-id', 'remove-last-admin').expect(409);
    expect(last.body.code).toBe('IDENTITY.LAST_ADMIN');
    await api().delete(`/api/identity/organisations/${orgB}/members/00000000-0000-4000-8000-000000000000`).set('authorization', `Bearer ${tokenB}`).expect(404);
    // an admin of A cannot remove a member of B
    const tokenA = await tokenOf('mei.lin@tacoma.example', ADMIN_PASSWORD);
    await api().delete(`/api/identity/organisations/${orgB}/members/${adminB.id}`).set('authorization', `Bearer ${tokenA}`).expect(403);

    const invitation = await api().post(`/api/identity/organisations/${orgB}/invitations`).set('authorization', `Bearer ${tokenB}`).send({ email: 'farid@sandiego.example', roles: ['coordinator'] }).expect(201);
    const { token } = await invitationFor('farid@sandiego.example');
    const accepted = await api().post('/api/identity/invitations/accept').send({ token, name: 'Farid', password: 'a long coordinator passphrase', language: 'en' }).expect(201);
    expect(accepted.body.organisationId).toBe(invitation.body.organisationId);
    const farid = (await login('farid@sandiego.example', 'a long coordinator passphrase')).body;

    await api().delete(`/api/identity/organisations/${orgB}/members/${accepted.body.userId}`).set('authorization', `Bearer ${tokenB}`).set('x-correlation-id', 'remove-farid').expect(204);
    expect(await db.query(`SELECT 1 FROM membership WHERE user_id = $1`, [accepted.body.userId])).toEqual([]);
    expect((await api().post('/api/identity/refresh').send({ refreshToken: farid.refreshToken }).expect(401)).body.code).toBe('IDENTITY.SESSION_ENDED');
    await eventually(async () => {
      const events = (await kafka.readAll(orgTopic)).map((m) => JSON.parse(m.value!.toString()));
      expect(events.find((e) => e.type === 'membership.removed' && e.payload.userId === accepted.body.userId)?.payload).toEqual({ organisationId: orgB, userId: accepted.body.userId, previousRoles: ['coordinator'], removedByUserId: adminB.id });
    }, { timeoutMs: 30000, intervalMs: 250 });
    await eventually(async () => {
      const res = await api().get(`/api/identity/organisations/${orgB}/audit`).set('authorization', `Bearer ${tokenB}`).expect(200);
      const entries = res.body.items as { correlationId: string; method: string; status: number; userId: string }[];
      expect(entries.find((e) => e.correlationId === 'remove-farid')).toMatchObject({ method: 'DELETE', status: 204, userId: adminB.id });
      expect(entries.find((e) => e.correlationId === 'remove-last-admin')).toMatchObject({ method: 'DELETE', status: 409 });
    });
  });

  it('records proxied state-changing requests in the audit trail with user and correlation id, and forwards Authorization, correlation id and body', async () => {
    const tokenA = await tokenOf('mei.lin@tacoma.example', ADMIN_PASSWORD);
    const body = JSON.stringify({ title: 'Tacoma Youth Symphony to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' });
    await api().post('/api/delegations?token=secret-in-query').set('authorization', `Bearer ${tokenA}`).set('x-correlation-id', 'audit-proxied-1').set('content-type', 'application/json').send(body).expect(201);
    const reached = upstream.seen.find((s) => s.headers['x-correlation-id'] === 'audit-proxied-1');
    expect(reached).toMatchObject({ method: 'POST', url: '/api/delegations?token=secret-in-query', body });
    expect(reached!.headers.authorization).toBe(`Bearer ${tokenA}`);
    // reads are not audited; anonymous writes are, without a user
    await api().get('/api/delegations').set('authorization', `Bearer ${tokenA}`).set('x-correlation-id', 'audit-read-1').expect(200);
    await api().post('/api/delegations').set('x-correlation-id', 'audit-anon-1').send('{}').expect(201);
    // org B's admin writes too: Mei must not see it
    const tokenB = await tokenOf('ana@sandiego.example', ADMIN_B_PASSWORD);
    await api().post('/api/delegations').set('authorization', `Bearer ${tokenB}`).set('x-correlation-id', 'audit-org-b').send('{}').expect(201);

    const entries = await eventually(async () => {
      const res = await api().get('/api/identity/audit?limit=500').set('authorization', `Bearer ${tokenA}`).expect(200);
      const hit = res.body.items.find((e: { correlationId: string }) => e.correlationId === 'audit-proxied-1');
      expect(hit).toBeDefined();
      return res.body.items as Record<string, unknown>[];
    });
    const hit = entries.find((e) => e.correlationId === 'audit-proxied-1');
    expect(hit).toMatchObject({ userId: adminA, organisationId: orgA, method: 'POST', path: '/api/delegations', status: 201 });
    expect(entries.every((e) => e.organisationId === orgA)).toBe(true);
    expect(entries.some((e) => e.correlationId === 'audit-org-b' || e.correlationId === 'audit-read-1')).toBe(false);
    // the gateway's own writes are audited too (e.g. the invitation above), never with tokens or bodies
    expect(entries.some((e) => e.method === 'POST' && String(e.path).endsWith('/invitations') && e.correlationId === 'invite-host-1')).toBe(true);
    const all = await db.query('SELECT * FROM audit_entry');
    expect(JSON.stringify(all)).not.toMatch(/secret-in-query|Bearer|Tacoma Youth Symphony|passphrase/);
    const anon = await eventually(async () => {
      const rows = await db.query<{ user_id: string | null; organisation_id: string | null }>(`SELECT user_id, organisation_id FROM audit_entry WHERE correlation_id = 'audit-anon-1'`);
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(anon).toEqual({ user_id: null, organisation_id: null });

    // filters: a window in the future is empty; B's own list has B's entry
    const future = await api().get(`/api/identity/audit?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`).set('authorization', `Bearer ${tokenA}`).expect(200);
    expect(future.body.items).toEqual([]);
    await eventually(async () => {
      const res = await api().get(`/api/identity/organisations/${orgB}/audit`).set('authorization', `Bearer ${tokenB}`).expect(200);
      expect(res.body.items.map((e: { correlationId: string }) => e.correlationId)).toContain('audit-org-b');
    });
  });

  it('serves one OpenAPI document with the bearer scheme, its own and the proxied paths', async () => {
    const res = await api().get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    for (const [path, method] of [
      ['/api/identity/login', 'post'], ['/api/identity/refresh', 'post'], ['/api/identity/logout', 'post'], ['/api/identity/me', 'get'],
      ['/api/identity/organisations/{orgId}/invitations', 'post'], ['/api/identity/invitations/accept', 'post'],
      ['/api/identity/organisations/{orgId}/members', 'get'], ['/api/identity/organisations/{orgId}/members/{userId}/roles', 'put'], ['/api/identity/audit', 'get'],
      ['/api/delegations', 'post'], ['/api/delegations', 'get'], ['/api/delegations/{id}', 'get'], ['/api/notifications/delegations/{id}', 'get'],
    ]) {
      expect(res.body.paths[path]?.[method]).toBeDefined();
    }
    expect(res.body.paths['/api/identity/me'].get.security).toEqual([{ bearer: [] }]);
    expect(res.body.paths['/api/identity/login'].post.security).toBeUndefined();
    expect(res.body.paths['/api/openapi.json']).toBeUndefined();
    const login = res.body.paths['/api/identity/login'].post.requestBody.content['application/json'].schema.$ref;
    expect(res.body.components.schemas[login.split('/').pop()].required).toEqual(expect.arrayContaining(['email', 'password']));
    const ui = await api().get('/api/docs').expect(200);
    expect(ui.text).toContain('/api/openapi.json');
    // Swagger UI's own policy lets exactly its start-up script run (by hash), nothing inline besides
    const inline = [...ui.text.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    const csp = String(ui.headers['content-security-policy']);
    expect(csp).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`);
    expect(csp).toContain("default-src 'none'");
    expect((await api().get('/api/openapi.json').expect(200)).headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    await api().get('/api/docs/assets/swagger-ui-bundle.js').expect(200);
  });

  it('answers 400 for a body that is not JSON, on its own endpoints', async () => {
    const res = await api().post('/api/identity/login').set('content-type', 'application/json').send('{"email": ').expect(400);
    expect(res.body.code).toBe('REQUEST.INVALID_JSON');
  });
});
