import { generateKeyPairSync } from 'node:crypto';
import { AccessTokenSigner, AccessTokenVerifier, parsePrivateKey, parsePublicKey } from './access-token';
import { AuthenticatedUser } from './authenticated-user';

function keys() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    pub: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    priv: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const user: AuthenticatedUser = { userId: 'u-1', email: 'mei@tacoma.example', name: 'Mei Lin', language: 'zh-CN', organisationId: 'org-1', roles: ['coordinator'] };

describe('access tokens', () => {
  const k = keys();

  it('round-trips the caller, organisation and roles', async () => {
    const token = await new AccessTokenSigner(parsePrivateKey(k.priv)).sign(user);
    expect(await new AccessTokenVerifier(parsePublicKey(k.pub)).verify(token)).toEqual(user);
  });

  it('accepts the PEM base64-encoded on one line', async () => {
    const token = await new AccessTokenSigner(parsePrivateKey(Buffer.from(k.priv).toString('base64'))).sign(user);
    expect((await new AccessTokenVerifier(parsePublicKey(Buffer.from(k.pub).toString('base64'))).verify(token)).userId).toBe('u-1');
  });

  it('refuses a token signed by another key', async () => {
    const other = keys();
    const token = await new AccessTokenSigner(parsePrivateKey(other.priv)).sign(user);
    await expect(new AccessTokenVerifier(parsePublicKey(k.pub)).verify(token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('refuses an expired token with its own code', async () => {
    const token = await new AccessTokenSigner(parsePrivateKey(k.priv), -10).sign(user);
    await expect(new AccessTokenVerifier(parsePublicKey(k.pub)).verify(token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('refuses a missing token', async () => {
    await expect(new AccessTokenVerifier(parsePublicKey(k.pub)).verify(undefined)).rejects.toMatchObject({ code: 'AUTH.TOKEN_MISSING' });
  });

  it('drops roles it does not know', async () => {
    const token = await new AccessTokenSigner(parsePrivateKey(k.priv)).sign({ ...user, roles: ['coordinator', 'superuser' as never] });
    expect((await new AccessTokenVerifier(parsePublicKey(k.pub)).verify(token)).roles).toEqual(['coordinator']);
  });
});
