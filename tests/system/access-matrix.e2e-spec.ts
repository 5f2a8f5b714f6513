import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { Topics, withPrefix } from '@twinning/contracts';
import { MATRIX_SECTIONS } from './access';
import { CALLERS, Caller, Endpoint, MatrixContext } from './access/matrix-types';
import { eventually, invitationTokenFrom, kafkaBrokers, ServiceProcess, TestDatabase, TestKafka, testKeys, tokenFor, tokenSignedByAnotherKey, uniqueTopicPrefix } from '@twinning/testing';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const APPS = ['gateway', 'delegations', 'host-matching', 'logistics', 'notifications'] as const;
const PASSWORD = 'matrix-password-123';

/** Health is public on every service; every other public route is declared by its section. */
const PUBLIC_ROUTES = new Set(['GET /health', 'GET /health/live', 'GET /health/ready', ...MATRIX_SECTIONS.flatMap((s) => s.publicRoutes ?? [])]);
const MATRIX: Endpoint[] = MATRIX_SECTIONS.flatMap((s) => s.endpoints);

/** `Mapped {/api/delegations/:id, GET} route` lines Nest logs at start. */
function mappedRoutes(output: string): string[] {
  return [...output.matchAll(/Mapped \{([^,]+), (\w+)\} route/g)].map((m) => `${m[2]} ${m[1]}`);
}

describe('who may call what: every protected endpoint, every role, another organisation', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const dbs: Record<string, TestDatabase> = {};
  const svc: Record<string, ServiceProcess> = {};
  const tokens = {} as Record<Caller, string>;
  let ctx: MatrixContext;

  async function bootstrap(name: string, email: string): Promise<string> {
    const cli = join(ROOT, 'dist', 'apps', 'gateway', 'src', 'identity', 'cli', 'bootstrap-organisation.js');
    const { stdout } = await run(process.execPath, [cli, '--name', name, '--city', 'Tacoma', '--country', 'US', '--time-zone', 'America/Los_Angeles', '--admin-email', email, '--admin-name', 'Admin'],
      { env: { PATH: process.env.PATH ?? '', DATABASE_URL: dbs.gateway.url, KAFKA_TOPIC_PREFIX: prefix, BOOTSTRAP_ADMIN_PASSWORD: PASSWORD } });
    return JSON.parse(stdout).organisationId as string;
  }

  async function login(email: string): Promise<{ accessToken: string }> {
    return (await request(svc.gateway.url).post('/api/identity/login').send({ email, password: PASSWORD }).expect(200)).body;
  }

  /** Invites `email` with `role`, reads the invitation event from Kafka and accepts it, as the invitee would. */
  async function member(orgId: string, adminToken: string, email: string, role: string): Promise<{ token: string; userId: string }> {
    await request(svc.gateway.url).post(`/api/identity/organisations/${orgId}/invitations`).set('authorization', `Bearer ${adminToken}`).send({ email, roles: [role] }).expect(201);
    const token = await eventually(async () => {
      const invited = (await kafka.readAll(withPrefix(prefix, Topics.organisationEvents)))
        .map((m) => JSON.parse(m.value!.toString()))
        .find((e) => e.type === 'user.invited' && e.payload.email === email);
      expect(invited).toBeDefined();
      return await invitationTokenFrom(invited.payload);
    }, { timeoutMs: 30000, intervalMs: 250 });
    await request(svc.gateway.url).post('/api/identity/invitations/accept').send({ token, name: role, password: PASSWORD }).expect(201);
    const me = await request(svc.gateway.url).get('/api/identity/me').set('authorization', `Bearer ${(await login(email)).accessToken}`).expect(200);
    return { token: (await login(email)).accessToken, userId: me.body.user.id };
  }

  beforeAll(async () => {
    for (const app of APPS) dbs[app] = await TestDatabase.create(`matrix_${app.replace('-', '_')}`);
    const common = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'info', ...testKeys() };
    const started = await Promise.all(
      (['delegations', 'host-matching', 'logistics', 'notifications'] as const).map((app) => ServiceProcess.start(app, { ...common, DATABASE_URL: dbs[app].url })),
    );
    for (const p of started) svc[p.app] = p;
    svc.gateway = await ServiceProcess.start('gateway', {
      ...common, DATABASE_URL: dbs.gateway.url,
      DELEGATIONS_URL: svc.delegations.url, HOST_MATCHING_URL: svc['host-matching'].url, LOGISTICS_URL: svc.logistics.url, NOTIFICATIONS_URL: svc.notifications.url,
    });
    const orgA = await bootstrap('Tacoma Sister Cities', 'admin@a.example');
    const orgB = await bootstrap('Other City Society', 'admin@b.example');
    tokens.admin = (await login('admin@a.example')).accessToken;
    tokens.otherOrgAdmin = (await login('admin@b.example')).accessToken;
    tokens.coordinator = (await member(orgA, tokens.admin, 'coordinator@a.example', 'coordinator')).token;
    tokens['youth-manager'] = (await member(orgA, tokens.admin, 'youth@a.example', 'youth-manager')).token;
    const host = await member(orgA, tokens.admin, 'host@a.example', 'host');
    tokens.host = host.token;
    ctx = { gatewayUrl: svc.gateway.url, orgA, orgB, tokens, fixtures: { hostUserId: host.userId }, addMember: (email, role) => member(orgA, tokens.admin, email, role) };
    for (const section of MATRIX_SECTIONS) await section.setup?.(ctx);
  }, 180000);

  afterAll(async () => {
    await Promise.all(Object.values(svc).map((p) => p.stop()));
    await kafka.close();
    await Promise.all(Object.values(dbs).map((d) => d.drop()));
  });

  it('has a position on every endpoint that every service maps (new endpoints must be added here)', () => {
    const mapped = new Set(Object.values(svc).flatMap((p) => mappedRoutes(p.output)));
    expect(mapped.size).toBeGreaterThan(10);
    const positioned = new Set([...PUBLIC_ROUTES, ...MATRIX.map((e) => `${e.method.toUpperCase()} ${e.route}`)]);
    expect([...mapped].filter((r) => !positioned.has(r)).sort()).toEqual([]);
    expect([...positioned].filter((r) => !mapped.has(r)).sort()).toEqual([]);
  });

  it('describes every endpoint that every service maps in the one OpenAPI document (health and the document itself aside)', async () => {
    const doc = (await request(svc.gateway.url).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const mapped = new Set(Object.values(svc).flatMap((p) => mappedRoutes(p.output)));
    const undocumented = [...mapped]
      .filter((r) => !['GET /health', 'GET /api/openapi.json', 'GET /api/docs'].includes(r))
      .filter((r) => {
        const [method, route] = r.split(' ');
        return !doc.paths[route.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      });
    expect(undocumented.sort()).toEqual([]);
  });

  describe.each(MATRIX.map((e) => [`${e.method.toUpperCase()} ${e.route}`, e] as const))('%s', (_name, endpoint) => {
    it.each(CALLERS)('as %s', async (caller) => {
      let req = request(svc.gateway.url)[endpoint.method](endpoint.path(ctx, caller)).set('authorization', `Bearer ${tokens[caller]}`);
      if (endpoint.body) req = req.send(endpoint.body(ctx, caller));
      const res = await req;
      expect({ caller, status: res.status, body: res.status === endpoint.expect[caller] ? undefined : res.body }).toEqual({ caller, status: endpoint.expect[caller], body: undefined });
    });
  });

  it('every protected endpoint is refused without a token', async () => {
    for (const e of MATRIX) {
      const res = await request(svc.gateway.url)[e.method](e.path(ctx));
      expect(`${e.method} ${e.route} ${res.status}`).toBe(`${e.method} ${e.route} 401`);
    }
  });

  it('each service refuses forged, expired and wrongly signed tokens itself, not only the gateway', async () => {
    const claims = { organisationId: ctx.orgA, roles: ['admin' as const, 'coordinator' as const, 'youth-manager' as const] };
    const expired = await tokenFor(claims, -60);
    const wrongKey = await tokenSignedByAnotherKey(claims);
    const valid = await tokenFor(claims);
    const [h, p] = valid.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), roles: ['admin'] })).toString('base64url')}.${valid.split('.')[2]}`;
    const direct: [ServiceProcess, string][] = [
      [svc.gateway, '/api/identity/me'],
      [svc.delegations, '/api/delegations'],
      [svc.notifications, `/api/notifications/delegations/${ctx.fixtures.delegationId}`],
    ];
    for (const [service, path] of direct) {
      for (const [kind, token] of [['expired', expired], ['wrongly signed', wrongKey], ['forged', forged], ['garbage', 'abc.def.ghi']] as const) {
        const res = await request(service.url).get(path).set('authorization', `Bearer ${token}`);
        expect(`${service.app} ${kind} ${res.status}`).toBe(`${service.app} ${kind} 401`);
      }
      // and the same service accepts a valid one (so the 401s above are about the token)
      expect((await request(service.url).get(path).set('authorization', `Bearer ${service.app === 'gateway' ? tokens.admin : valid}`)).status).toBe(200);
    }
  });
});
