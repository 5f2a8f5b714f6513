import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SignJWT, importPKCS8 } from 'jose';
import request from 'supertest';
import { Topics, withPrefix } from '@twinning/contracts';
import { eventually, kafkaBrokers, ServiceProcess, TestDatabase, TestKafka, testKeys, uniqueTopicPrefix } from '@twinning/testing';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const APPS = ['gateway', 'delegations', 'host-matching', 'logistics', 'notifications'] as const;
type App = (typeof APPS)[number];
const PASSWORD = 'revocation-password-123';
/** "Within seconds": the event's way through the outbox and Kafka plus the guard's cache. */
const WITHIN = { timeoutMs: 10000, intervalMs: 200 };

/**
 * Ending access, on the five built services with the real broker and databases: after a role change,
 * a removal, disabling or logout, a token issued before is refused by each service itself (asked at
 * its own port, not through the gateway) within seconds, and a new token works.
 */
describe('revoking access: every service refuses an ended session within seconds', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const dbs = {} as Record<App, TestDatabase>;
  const svc = {} as Record<App, ServiceProcess>;
  let orgId: string;
  let admin: string;

  /** One protected endpoint per service, called directly at the service, and what a valid admin or coordinator token gets there. */
  const probes: [App, string, number][] = [
    ['gateway', '/api/identity/me', 200],
    ['delegations', '/api/delegations', 200],
    ['host-matching', '/api/host-matching/families', 200],
    ['logistics', '/api/logistics/delegations/00000000-0000-4000-8000-000000000000/conflicts', 404],
    ['notifications', '/api/notifications/me', 200],
  ];

  async function statuses(token: string): Promise<string[]> {
    return Promise.all(probes.map(async ([app, path]) => {
      const res = await request(svc[app].url).get(path).set('authorization', `Bearer ${token}`);
      return `${app} ${res.status}${res.status === 401 ? ` ${res.body.code}` : ''}`;
    }));
  }
  const accepted = () => probes.map(([app, , status]) => `${app} ${status}`);
  const revoked = () => probes.map(([app]) => `${app} 401 AUTH.SESSION_REVOKED`);

  /** The bootstrap CLI: the organisation (reused by name) and an admin account. */
  async function bootstrapAdmin(email: string): Promise<string> {
    const cli = join(ROOT, 'dist', 'apps', 'gateway', 'src', 'identity', 'cli', 'bootstrap-organisation.js');
    const { stdout } = await run(process.execPath, [cli, '--name', 'Tacoma Sister Cities', '--city', 'Tacoma', '--country', 'US', '--time-zone', 'America/Los_Angeles', '--admin-email', email, '--admin-name', email.split('@')[0]],
      { env: { PATH: process.env.PATH ?? '', DATABASE_URL: dbs.gateway.url, KAFKA_TOPIC_PREFIX: prefix, BOOTSTRAP_ADMIN_PASSWORD: PASSWORD } });
    const out = JSON.parse(stdout);
    orgId = out.organisationId;
    return out.adminUserId as string;
  }

  async function login(email: string): Promise<{ accessToken: string; refreshToken: string }> {
    return (await request(svc.gateway.url).post('/api/identity/login').send({ email, password: PASSWORD }).expect(200)).body;
  }

  const asAdmin = (r: request.Test) => r.set('authorization', `Bearer ${admin}`);

  beforeAll(async () => {
    for (const app of APPS) dbs[app] = await TestDatabase.create(`revoke_${app.replace('-', '_')}`);
    const common = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, ...testKeys() };
    const started = await Promise.all((['delegations', 'host-matching', 'logistics', 'notifications'] as const).map((app) => ServiceProcess.start(app, { ...common, DATABASE_URL: dbs[app].url })));
    for (const p of started) svc[p.app as App] = p;
    svc.gateway = await ServiceProcess.start('gateway', {
      ...common, DATABASE_URL: dbs.gateway.url,
      DELEGATIONS_URL: svc.delegations.url, HOST_MATCHING_URL: svc['host-matching'].url, LOGISTICS_URL: svc.logistics.url, NOTIFICATIONS_URL: svc.notifications.url,
    });
    await bootstrapAdmin('admin@tacoma.example');
    admin = (await login('admin@tacoma.example')).accessToken;
  }, 180000);

  afterAll(async () => {
    await Promise.all(Object.values(svc).map((p) => p.stop()));
    await kafka.close();
    await Promise.all(Object.values(dbs).map((d) => d.drop()));
  });

  it('a role change ends the old token everywhere, the refreshed one works; removal ends it for good', async () => {
    const userId = await bootstrapAdmin('mei@tacoma.example');
    const before = await login('mei@tacoma.example');
    // no service has heard of this account yet: its token is taken at its word
    expect(await statuses(before.accessToken)).toEqual(accepted());

    await asAdmin(request(svc.gateway.url).put(`/api/identity/organisations/${orgId}/members/${userId}/roles`)).send({ roles: ['coordinator'] }).expect(200);
    await eventually(async () => expect(await statuses(before.accessToken)).toEqual(revoked()), WITHIN);

    const renewed = (await request(svc.gateway.url).post('/api/identity/refresh').send({ refreshToken: before.refreshToken }).expect(200)).body;
    expect(renewed.roles).toEqual(['coordinator']);
    expect(await statuses(renewed.accessToken)).toEqual(accepted());
    // the new roles hold at once: members are for admins only
    await request(svc.gateway.url).get(`/api/identity/organisations/${orgId}/members`).set('authorization', `Bearer ${renewed.accessToken}`).expect(403);

    await asAdmin(request(svc.gateway.url).delete(`/api/identity/organisations/${orgId}/members/${userId}`)).expect(204);
    await eventually(async () => expect(await statuses(renewed.accessToken)).toEqual(revoked()), WITHIN);
    const refused = await request(svc.gateway.url).post('/api/identity/refresh').send({ refreshToken: renewed.refreshToken }).expect(401);
    expect(refused.body.code).toBe('IDENTITY.SESSION_ENDED');
    const signIn = await request(svc.gateway.url).post('/api/identity/login').send({ email: 'mei@tacoma.example', password: PASSWORD }).expect(403);
    expect(signIn.body.code).toBe('IDENTITY.NO_MEMBERSHIP');
    const members = (await asAdmin(request(svc.gateway.url).get(`/api/identity/organisations/${orgId}/members`)).expect(200)).body.items as { userId: string }[];
    expect(members.map((m) => m.userId)).not.toContain(userId);

    const events = [...await kafka.readAll(withPrefix(prefix, Topics.organisationEvents)), ...await kafka.readAll(withPrefix(prefix, Topics.userEvents))].map((m) => JSON.parse(m.value!.toString()));
    expect(events.find((e) => e.type === 'membership.removed' && e.payload.userId === userId)?.payload).toMatchObject({ organisationId: orgId, previousRoles: ['coordinator'] });
    expect(events.filter((e) => e.type === 'user.sessions-revoked' && e.payload.userId === userId).map((e) => e.payload.reason)).toEqual(['roles-changed', 'membership-removed']);
  });

  it('a disabled account is refused everywhere and can neither sign in nor refresh, until enabled again', async () => {
    const userId = await bootstrapAdmin('ana@tacoma.example');
    const session = await login('ana@tacoma.example');
    expect(await statuses(session.accessToken)).toEqual(accepted());

    const own = await request(svc.gateway.url).post(`/api/identity/organisations/${orgId}/members/${userId}/disable`).set('authorization', `Bearer ${session.accessToken}`).expect(409);
    expect(own.body.code).toBe('IDENTITY.OWN_ACCOUNT');

    expect((await asAdmin(request(svc.gateway.url).post(`/api/identity/organisations/${orgId}/members/${userId}/disable`)).expect(200)).body).toEqual({ userId, disabled: true });
    await eventually(async () => expect(await statuses(session.accessToken)).toEqual(revoked()), WITHIN);
    expect((await request(svc.gateway.url).post('/api/identity/login').send({ email: 'ana@tacoma.example', password: PASSWORD }).expect(403)).body.code).toBe('IDENTITY.ACCOUNT_DISABLED');
    expect((await request(svc.gateway.url).post('/api/identity/refresh').send({ refreshToken: session.refreshToken }).expect(401)).body.code).toBe('IDENTITY.SESSION_ENDED');
    const listed = (await asAdmin(request(svc.gateway.url).get(`/api/identity/organisations/${orgId}/members`)).expect(200)).body.items.find((m: { userId: string }) => m.userId === userId);
    expect(listed).toMatchObject({ disabled: true });

    await asAdmin(request(svc.gateway.url).post(`/api/identity/organisations/${orgId}/members/${userId}/enable`)).expect(200);
    expect(await statuses((await login('ana@tacoma.example')).accessToken)).toEqual(accepted());
  });

  it('logout ends the access token too; another session of the same person renews with its own refresh token', async () => {
    await bootstrapAdmin('lee@tacoma.example');
    const laptop = await login('lee@tacoma.example');
    const phone = await login('lee@tacoma.example');
    await request(svc.gateway.url).post('/api/identity/logout').send({ refreshToken: laptop.refreshToken }).expect(204);
    await eventually(async () => expect(await statuses(laptop.accessToken)).toEqual(revoked()), WITHIN);
    expect(await statuses(phone.accessToken)).toEqual(revoked());
    const renewed = (await request(svc.gateway.url).post('/api/identity/refresh').send({ refreshToken: phone.refreshToken }).expect(200)).body;
    expect(await statuses(renewed.accessToken)).toEqual(accepted());
    await request(svc.gateway.url).post('/api/identity/refresh').send({ refreshToken: laptop.refreshToken }).expect(401);
  });

  it('refuses, at every service, a token signed with the right key that has no expiry', async () => {
    const key = await importPKCS8(Buffer.from(testKeys().JWT_PRIVATE_KEY, 'base64').toString('utf8'), 'EdDSA');
    const me = (await asAdmin(request(svc.gateway.url).get('/api/identity/me')).expect(200)).body;
    const claims = { org: orgId, roles: ['admin', 'coordinator'], email: me.user.email, name: me.user.name, lang: 'en', sv: 99 };
    const forever = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' }).setSubject(me.user.id).setIssuer('twinning-gateway').setAudience('twinning').setIssuedAt().sign(key);
    const bounded = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' }).setSubject(me.user.id).setIssuer('twinning-gateway').setAudience('twinning').setIssuedAt().setExpirationTime('60s').sign(key);
    expect(await statuses(forever)).toEqual(probes.map(([app]) => `${app} 401 AUTH.TOKEN_INVALID`));
    // the same claims with an expiry are accepted, so the refusal is about `exp`
    expect(await statuses(bounded)).toEqual(accepted());
  });
});
