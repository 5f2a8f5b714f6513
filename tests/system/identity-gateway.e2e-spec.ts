import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { kafkaBrokers, ServiceProcess, TestDatabase, testKeys, uniqueTopicPrefix } from '@twinning/testing';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/** The gateway as a process built from this tree: key checks at boot, the bootstrap CLI, sign-in. */
describe('gateway identity (process)', () => {
  let db: TestDatabase;
  afterAll(async () => db?.drop());

  it('refuses to start without the signing key, or with one that does not pair with the public key', async () => {
    const missing = ServiceProcess.spawn('gateway', { JWT_PUBLIC_KEY: testKeys().JWT_PUBLIC_KEY });
    expect(await missing.waitForExit()).toBe(1);
    expect(missing.output).toContain('JWT_PRIVATE_KEY=null: JWT_PRIVATE_KEY must be a private key');

    const other = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const mismatched = ServiceProcess.spawn('gateway', { JWT_PUBLIC_KEY: testKeys().JWT_PUBLIC_KEY, JWT_PRIVATE_KEY: Buffer.from(other).toString('base64') });
    expect(await mismatched.waitForExit()).toBe(1);
    expect(mismatched.output).toContain('JWT_PRIVATE_KEY is not the private key of JWT_PUBLIC_KEY');
  });

  it('bootstraps an organisation with the CLI (before the gateway ever ran) and its admin signs in', async () => {
    db = await TestDatabase.create('gateway_identity_process');
    const prefix = uniqueTopicPrefix();
    const cli = join(ROOT, 'dist', 'apps', 'gateway', 'src', 'identity', 'cli', 'bootstrap-organisation.js');
    const { stdout } = await run(process.execPath, [cli, '--name', 'Tacoma Sister Cities', '--city', 'Tacoma', '--country', 'US', '--time-zone', 'America/Los_Angeles',
      '--admin-email', 'admin@tacoma.example', '--admin-name', 'Tacoma Admin'], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, KAFKA_TOPIC_PREFIX: prefix, BOOTSTRAP_ADMIN_PASSWORD: 'twinning-demo-admin' } });
    const created = JSON.parse(stdout);
    expect(created.created).toEqual({ organisation: true, admin: true, membership: true });

    const refused = await run(process.execPath, [cli, '--name', 'X', '--city', 'Y', '--country', 'ZZ', '--time-zone', 'Mars/Olympus', '--admin-email', 'a@b.example', '--admin-name', 'A'],
      { env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, BOOTSTRAP_ADMIN_PASSWORD: 'twinning-demo-admin' } }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('IDENTITY.COUNTRY_INVALID');

    const gateway = await ServiceProcess.start('gateway', { DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, ...testKeys() });
    try {
      const login = await request(gateway.url).post('/api/identity/login').send({ email: 'admin@tacoma.example', password: 'twinning-demo-admin' }).expect(200);
      expect(login.body).toMatchObject({ organisationId: created.organisationId, roles: ['admin'] });
      const me = await request(gateway.url).get('/api/identity/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
      expect(me.body.user.email).toBe('admin@tacoma.example');
      await request(gateway.url).get('/api/identity/me').set('authorization', 'Bearer forged.token.here').expect(401);
      expect(gateway.output).not.toContain('twinning-demo-admin');
    } finally {
      await gateway.stop();
    }
  });
});
