import { generateKeyPairSync } from 'node:crypto';
import { Controller, Get, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AccessTokenSigner, parsePrivateKey } from './access-token';
import { Authenticated, CurrentUser, Public, Roles } from './access-rules.decorators';
import { AuthenticatedUser } from './authenticated-user';
import { AuthModule } from './auth.module';

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
