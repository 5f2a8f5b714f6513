import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { AccessTokenSigner, AccessTokenVerifier, parsePrivateKey, parsePublicKey, TOKEN_ALG, TOKEN_AUDIENCE, TOKEN_ISSUER } from './access-token';
import { AuthenticatedUser } from './authenticated-user';

function keys() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    pub: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    priv: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const user: AuthenticatedUser = { userId: 'u-1', email: 'mei@tacoma.example', name: 'Mei Lin', language: 'zh-CN', organisationId: 'org-1', roles: ['coordinator'], sessionVersion: 3 };

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

  /** The gateway's claims, signed with the right key, but built by hand so a claim can be left out or bent. */
  function handMade(claims: Record<string, unknown>, o: { exp?: boolean; iat?: boolean } = {}) {
    let jwt = new SignJWT({ org: 'org-1', roles: ['coordinator'], ...claims }).setProtectedHeader({ alg: TOKEN_ALG, typ: 'JWT' }).setSubject('u-1').setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE);
    if (o.iat !== false) jwt = jwt.setIssuedAt();
    if (o.exp !== false) jwt = jwt.setExpirationTime('900s');
    return jwt.sign(parsePrivateKey(k.priv));
  }

  it('refuses a correctly signed token without an expiry (it could never be ended by waiting)', async () => {
    const verifier = new AccessTokenVerifier(parsePublicKey(k.pub));
    await expect(verifier.verify(await handMade({}, { exp: false }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(verifier.verify(await handMade({}, { iat: false }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    expect((await verifier.verify(await handMade({}))).userId).toBe('u-1');
  });

  it('carries the session version, counts a token without one as version 0, and refuses one that is not a whole number', async () => {
    const verifier = new AccessTokenVerifier(parsePublicKey(k.pub));
    expect((await verifier.verify(await handMade({ sv: 7 }))).sessionVersion).toBe(7);
    expect((await verifier.verify(await handMade({}))).sessionVersion).toBe(0);
    for (const sv of ['7', 1.5, -1, null]) await expect(verifier.verify(await handMade({ sv }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('drops roles it does not know', async () => {
    const token = await new AccessTokenSigner(parsePrivateKey(k.priv)).sign({ ...user, roles: ['coordinator', 'superuser' as never] });
    expect((await new AccessTokenVerifier(parsePublicKey(k.pub)).verify(token)).roles).toEqual(['coordinator']);
  });
});
