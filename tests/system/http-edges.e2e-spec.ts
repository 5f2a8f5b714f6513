import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { eventually, kafkaBrokers, ServiceProcess, TestDatabase, testKeys, uniqueTopicPrefix } from '@twinning/testing';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const APPS = ['gateway', 'delegations', 'host-matching', 'logistics', 'notifications'] as const;
const PASSWORD = 'edges-password-123';
const EMAIL = 'admin@edges.example';

/** `{"title":[[[...]]]}` nested `depth` levels deep. */
const deepJson = (depth: number, key = 'title') => `{"${key}":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/**
 * The HTTP edge of the running system (the built services as processes, through the gateway): bad bodies, queries
 * and characters are a 4xx naming what is wrong, never a 500 or a silent change; and the headers of every answer.
 */
describe('the HTTP edge: bad input and response headers (processes)', () => {
  const prefix = uniqueTopicPrefix();
  const dbs: Record<string, TestDatabase> = {};
  const svc: Record<string, ServiceProcess> = {};
  let token: string;
  let delegationId: string;
  const api = () => request(svc.gateway.url);
  const auth = { authorization: '' };
  const goodDelegation = { title: 'Edges exchange', hostCity: 'Tacoma', startDate: '2027-03-01', endDate: '2027-03-08' };

  beforeAll(async () => {
    for (const app of APPS) dbs[app] = await TestDatabase.create(`edges_${app.replace('-', '_')}`);
    const common = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, ...testKeys() };
    const started = await Promise.all(
      (['delegations', 'host-matching', 'logistics', 'notifications'] as const).map((app) => ServiceProcess.start(app, { ...common, DATABASE_URL: dbs[app].url })),
    );
    for (const p of started) svc[p.app] = p;
    svc.gateway = await ServiceProcess.start('gateway', {
      ...common, DATABASE_URL: dbs.gateway.url,
      DELEGATIONS_URL: svc.delegations.url, HOST_MATCHING_URL: svc['host-matching'].url, LOGISTICS_URL: svc.logistics.url, NOTIFICATIONS_URL: svc.notifications.url,
    });
    const cli = join(ROOT, 'dist', 'apps', 'gateway', 'src', 'identity', 'cli', 'bootstrap-organisation.js');
    await run(process.execPath, [cli, '--name', 'Edges Sister Cities', '--city', 'Tacoma', '--country', 'US', '--time-zone', 'America/Los_Angeles', '--admin-email', EMAIL, '--admin-name', 'Admin'],
      { env: { PATH: process.env.PATH ?? '', DATABASE_URL: dbs.gateway.url, KAFKA_TOPIC_PREFIX: prefix, BOOTSTRAP_ADMIN_PASSWORD: PASSWORD } });
    token = (await api().post('/api/identity/login').send({ email: EMAIL, password: PASSWORD }).expect(200)).body.accessToken;
    auth.authorization = `Bearer ${token}`;
    delegationId = (await api().post('/api/delegations').set(auth).send(goodDelegation).expect(201)).body.id;
  }, 180000);

  afterAll(async () => {
    await Promise.all(Object.values(svc).map((p) => p.stop()));
    await Promise.all(Object.values(dbs).map((d) => d.drop()));
  });

  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);

  describe('bad input is a 4xx, never a 500', () => {
    it('refuses JSON nested 20,000 levels deep, at a service (through the proxy) and at the gateway itself', async () => {
      const proxied = await api().post('/api/delegations').set(auth).set('content-type', 'application/json').send(deepJson(20000));
      expect({ status: proxied.status, code: proxied.body.code }).toEqual({ status: 400, code: 'REQUEST.TOO_DEEP' });
      const own = await api().post('/api/identity/login').set('content-type', 'application/json').send(deepJson(20000, 'email'));
      expect({ status: own.status, code: own.body.code }).toEqual({ status: 400, code: 'REQUEST.TOO_DEEP' });
      // a body of ordinary depth still works
      await api().post('/api/identity/login').send({ email: EMAIL, password: PASSWORD }).expect(200);
    });

    it.each(['title', 'hostCity'])('refuses a NUL character in %s, naming the field', async (field) => {
      const res = await api().post('/api/delegations').set(auth).send({ ...goodDelegation, [field]: 'Lyon\u0000 exchange' });
      expect({ status: res.status, code: res.body.code, fields: fieldsOf(res.body) }).toEqual({ status: 400, code: 'REQUEST.INVALID', fields: [field] });
    });

    it('refuses other control characters and unpaired surrogates too, and keeps tabs and new lines in free text', async () => {
      for (const bad of ['a\u0007b', 'a\u001bb', 'a\u007fb', 'a\ud800b']) {
        const res = await api().patch(`/api/delegations/${delegationId}`).set(auth).send({ purpose: bad });
        expect({ bad: JSON.stringify(bad), status: res.status, fields: fieldsOf(res.body) }).toEqual({ bad: JSON.stringify(bad), status: 400, fields: ['purpose'] });
      }
      const ok = await api().patch(`/api/delegations/${delegationId}`).set(auth).send({ purpose: 'Day 1:\tarrive\nDay 2:\tschools' }).expect(200);
      expect(ok.body.purpose).toBe('Day 1:\tarrive\nDay 2:\tschools');
    });

    it('refuses a date that is not in the calendar, or a number past what the database takes, naming the field', async () => {
      for (const [path, field] of [['/api/delegations?from=2027-02-30', 'from'], ['/api/delegations?to=0000-01-01', 'to'], ['/api/delegations?offset=99999999999999999999', 'offset']]) {
        const res = await api().get(path).set(auth);
        expect({ path, status: res.status, fields: fieldsOf(res.body) }).toEqual({ path, status: 400, fields: [field] });
      }
      const bad = await api().post('/api/delegations').set(auth).send({ ...goodDelegation, startDate: '0000-03-01' });
      expect({ status: bad.status, fields: fieldsOf(bad.body) }).toEqual({ status: 400, fields: ['startDate'] });
      await api().get('/api/delegations?from=2027-02-28&offset=10').set(auth).expect(200);
    });

    it('refuses a form-urlencoded (or any non-JSON) body with 415, at a service and at the gateway', async () => {
      const form = await api().post('/api/delegations').set(auth).type('form').send('title=Edges&hostCity=Tacoma&startDate=2027-03-01&endDate=2027-03-08');
      expect({ status: form.status, code: form.body.code }).toEqual({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
      const text = await api().post('/api/delegations').set(auth).set('content-type', 'text/plain').send(JSON.stringify(goodDelegation));
      expect(text.status).toBe(415);
      const login = await api().post('/api/identity/login').type('form').send(`email=${encodeURIComponent(EMAIL)}&password=${PASSWORD}`);
      expect({ status: login.status, code: login.body.code }).toEqual({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
      const list = (await api().get('/api/delegations').set(auth).expect(200)).body;
      expect(JSON.stringify(list)).not.toContain('"title":"Edges"');
    });

    it('refuses a body that is not valid UTF-8 instead of storing U+FFFD', async () => {
      // raw bytes through fetch (supertest would serialise a Buffer as JSON)
      const post = async (path: string, bytes: Buffer) => {
        const res = await fetch(`${svc.gateway.url}${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: bytes });
        return { status: res.status, code: ((await res.json()) as { code?: string }).code };
      };
      const delegation = Buffer.concat([Buffer.from('{"title":"Lyon '), Buffer.from([0xc3, 0x28]), Buffer.from('","hostCity":"Lyon","startDate":"2027-03-01","endDate":"2027-03-08"}')]);
      expect(await post('/api/delegations', delegation)).toEqual({ status: 400, code: 'REQUEST.INVALID_ENCODING' });
      const login = Buffer.concat([Buffer.from(`{"email":"${EMAIL}","password":"${PASSWORD}`), Buffer.from([0xff]), Buffer.from('"}')]);
      expect(await post('/api/identity/login', login)).toEqual({ status: 400, code: 'REQUEST.INVALID_ENCODING' });
      const list = (await api().get('/api/delegations').set(auth).expect(200)).body;
      expect(JSON.stringify(list)).not.toContain('\ufffd');
    });

    it('refuses a __proto__ key as an unknown field instead of dropping it', async () => {
      const raw = JSON.stringify(goodDelegation).replace(/^\{/, '{"__proto__":{"isAdmin":true},');
      const res = await api().post('/api/delegations').set(auth).set('content-type', 'application/json').send(raw);
      expect({ status: res.status, fields: fieldsOf(res.body) }).toEqual({ status: 400, fields: ['__proto__'] });
      const nested = await api().patch(`/api/delegations/${delegationId}`).set(auth).set('content-type', 'application/json').send('{"purpose":"ok","x":{"__proto__":{}}}');
      expect(nested.status).toBe(400);
    });
  });

  describe('response headers', () => {
    it('no service and not the gateway says what it runs on (X-Powered-By)', async () => {
      for (const app of APPS) {
        const res = await request(svc[app].url).get('/health');
        expect({ app, poweredBy: res.headers['x-powered-by'] }).toEqual({ app, poweredBy: undefined });
      }
      for (const path of ['/api/delegations', '/api/identity/me', '/api/nowhere', '/api/openapi.json']) {
        const res = await api().get(path).set(auth);
        expect({ path, poweredBy: res.headers['x-powered-by'] }).toEqual({ path, poweredBy: undefined });
      }
    });

    it('authenticated API answers are not stored by caches (Cache-Control: no-store), the gateway\'s own and proxied ones, errors included', async () => {
      for (const [path, status] of [['/api/delegations', 200], [`/api/delegations/${delegationId}`, 200], ['/api/identity/me', 200], ['/api/delegations?from=2027-02-30', 400]] as const) {
        const res = await api().get(path).set(auth);
        expect({ path, status: res.status, cache: res.headers['cache-control'] }).toEqual({ path, status, cache: 'no-store' });
      }
      const direct = await request(svc.delegations.url).get('/api/delegations').set(auth).expect(200);
      expect(direct.headers['cache-control']).toBe('no-store');
    });

    it('printable HTML documents carry their own restrictive CSP (no scripts) and nosniff, through the gateway', async () => {
      const documents = [
        `/api/host-matching/delegations/${delegationId}/rooming-list?format=html`,
        `/api/logistics/delegations/${delegationId}/manifests/arrivals?format=html`,
        `/api/logistics/delegations/${delegationId}/manifests/departures?format=html`,
        `/api/logistics/delegations/${delegationId}/pickups/sheet`,
      ];
      for (const path of documents) {
        // the services learn of the delegation from its event
        const res = await eventually(async () => {
          const r = await api().get(path).set(auth);
          expect({ path, status: r.status }).toEqual({ path, status: 200 });
          return r;
        }, { timeoutMs: 30000, intervalMs: 250 });
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        const csp = String(res.headers['content-security-policy']);
        expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("default-src 'none'") });
        expect(csp).not.toMatch(/script-src/);
        expect(csp).toContain("frame-ancestors 'none'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['cache-control']).toBe('no-store');
        // and inside the document, for when it is opened from a blob URL or a saved file, where no header applies
        expect({ path, meta: /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';[^"]*">/.test(res.text) }).toEqual({ path, meta: true });
        expect(res.text).not.toMatch(/<script/i);
      }
    });
  });

  it('no service logged an unhandled error for any of it', () => {
    for (const app of APPS) expect({ app, errors: svc[app].output.match(/.*(RangeError|Maximum call stack|invalid byte sequence|unsupported Unicode escape).*/g) ?? [] }).toEqual({ app, errors: [] });
  });
});
