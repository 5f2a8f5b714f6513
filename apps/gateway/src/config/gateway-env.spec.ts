import { generateKeyPairSync } from 'node:crypto';
import { loadEnv } from '@twinning/platform-config';
import { GatewayEnv } from './gateway-env';

const linkKey = (kind: 'x25519' | 'ed25519') => Buffer.from(generateKeyPairSync(kind as 'ed25519').publicKey.export({ type: 'spki', format: 'pem' })).toString('base64');

function pair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    JWT_PUBLIC_KEY: Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
    JWT_PRIVATE_KEY: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64'),
    INVITATION_LINK_PUBLIC_KEY: linkKey('x25519'),
  };
}

describe('GatewayEnv', () => {
  it('accepts a key pair and fills the defaults', () => {
    const env = loadEnv(GatewayEnv, pair());
    expect(env).toMatchObject({ PUBLIC_WEB_URL: 'http://127.0.0.1:3000', ACCESS_TOKEN_TTL_SECONDS: 900, LOGIN_FREE_FAILURES: 5 });
  });

  it('refuses to start without the notifications service\'s X25519 key for invitation links, or with another kind of key', () => {
    const { INVITATION_LINK_PUBLIC_KEY: _unused, ...withoutLinkKey } = pair();
    expect(() => loadEnv(GatewayEnv, withoutLinkKey)).toThrow(/INVITATION_LINK_PUBLIC_KEY must be an X25519 public key/);
    expect(() => loadEnv(GatewayEnv, { ...pair(), INVITATION_LINK_PUBLIC_KEY: linkKey('ed25519') })).toThrow(/INVITATION_LINK_PUBLIC_KEY/);
  });

  it('refuses to start without the signing key', () => {
    const { JWT_PUBLIC_KEY } = pair();
    expect(() => loadEnv(GatewayEnv, { JWT_PUBLIC_KEY })).toThrow(/JWT_PRIVATE_KEY/);
  });

  it('refuses a private key that does not pair with the public key', () => {
    const a = pair();
    const b = pair();
    expect(() => loadEnv(GatewayEnv, { JWT_PUBLIC_KEY: a.JWT_PUBLIC_KEY, JWT_PRIVATE_KEY: b.JWT_PRIVATE_KEY })).toThrow(/JWT_PRIVATE_KEY.*is not the private key of JWT_PUBLIC_KEY/);
  });
});
