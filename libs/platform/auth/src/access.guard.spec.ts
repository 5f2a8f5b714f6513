import { generateKeyPairSync } from 'node:crypto';
import { Controller, Get, Global, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AccessTokenSigner, parsePrivateKey } from './access-token';
import { Authenticated, CurrentUser, Public, Roles } from './access-rules.decorators';
import { AuthenticatedUser } from './authenticated-user';
import { AuthModule } from './auth.module';
import { SessionVersions } from './session-versions/session-versions';

@Controller()
class ProbeController {
  @Get('open') @Public() open() { return { ok: true }; }
  @Get('anyone') @Authenticated() anyone(@CurrentUser() u: AuthenticatedUser) { return { org: u.organisationId }; }
  @Get('youth') @Roles('youth-manager', 'admin') youth() { return { ok: true }; }
  @Get('forgotten') forgotten() { return { leaked: true }; }
}

describe('AccessGuard (every endpoint, deny by default)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const signer = new AccessTokenSigner(parsePrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()));
  const user = (roles: AuthenticatedUser['roles']) => signer.sign({ userId: 'u', email: 'e@x.org', name: 'n', language: 'en', organisationId: 'org-7', roles });
  let app: INestApplication;

  beforeAll(async () => {
    const mod = await Test.createTestingModule({ imports: [AuthModule.forRoot({ publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() })], controllers: [ProbeController] }).compile();
    app = mod.createNestApplication();
    await app.init();
  });
  afterAll(() => app.close());

  it('refuses an endpoint that declares no rule, even to an admin', async () => {
    const res = await request(app.getHttpServer()).get('/forgotten').set('authorization', `Bearer ${await user(['admin'])}`).expect(403);
    expect(res.body.code).toBe('AUTH.NO_ACCESS_RULE');
  });

  it('lets anyone reach a public endpoint', async () => {
    await request(app.getHttpServer()).get('/open').expect(200);
  });

  it('gives an authenticated endpoint the verified caller', async () => {
    await request(app.getHttpServer()).get('/anyone').expect(401);
    const res = await request(app.getHttpServer()).get('/anyone').set('authorization', `Bearer ${await user(['host'])}`).expect(200);
    expect(res.body).toEqual({ org: 'org-7' });
  });

  it('requires one of the declared roles', async () => {
    await request(app.getHttpServer()).get('/youth').set('authorization', `Bearer ${await user(['coordinator', 'host'])}`).expect(403);
    await request(app.getHttpServer()).get('/youth').set('authorization', `Bearer ${await user(['youth-manager'])}`).expect(200);
  });
});

describe('AccessGuard with a read model of session versions', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const signer = new AccessTokenSigner(parsePrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()));
  const known = new Map<string, number>();
  const token = (userId: string, sessionVersion?: number) => signer.sign({ userId, email: 'e@x.org', name: 'n', language: 'en', organisationId: 'org-7', roles: ['coordinator'], sessionVersion });

  @Global()
  @Module({ providers: [{ provide: SessionVersions, useValue: { current: async (u: string) => known.get(u) } }], exports: [SessionVersions] })
  class InMemorySessionVersions {}

  let app: INestApplication;
  beforeAll(async () => {
    const mod = await Test.createTestingModule({ imports: [InMemorySessionVersions, AuthModule.forRoot({ publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() })], controllers: [ProbeController] }).compile();
    app = mod.createNestApplication();
    await app.init();
  });
  afterAll(() => app.close());

  it('refuses a token older than the version the service last heard of, with its own code', async () => {
    known.set('u-old', 3);
    const res = await request(app.getHttpServer()).get('/anyone').set('authorization', `Bearer ${await token('u-old', 2)}`).expect(401);
    expect(res.body.code).toBe('AUTH.SESSION_REVOKED');
    // a token from before session versions (no `sv`) counts as 0
    await request(app.getHttpServer()).get('/anyone').set('authorization', `Bearer ${await token('u-old')}`).expect(401);
    await request(app.getHttpServer()).get('/anyone').set('authorization', `Bearer ${await token('u-old', 3)}`).expect(200);
    await request(app.getHttpServer()).get('/anyone').set('authorization', `Bearer ${await token('u-old', 4)}`).expect(200);
  });

  it('takes a user it has not heard of at the token\'s word (a fresh start must not lock everyone out)', async () => {
    await request(app.getHttpServer()).get('/anyone').set('authorization', `Bearer ${await token('u-unknown', 1)}`).expect(200);
    await request(app.getHttpServer()).get('/anyone').set('authorization', `Bearer ${await token('u-unknown')}`).expect(200);
  });
});
