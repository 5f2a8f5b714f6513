import { generateKeyPairSync } from 'node:crypto';
import { loadEnv } from '@twinning/platform-config';
import { GatewayEnv } from './gateway-env';

function pair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    JWT_PUBLIC_KEY: Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
    JWT_PRIVATE_KEY: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64'),
  };
}

describe('GatewayEnv', () => {
  it('accepts a key pair and fills the defaults', () => {
    const env = loadEnv(GatewayEnv, pair());
    expect(env).toMatchObject({ PUBLIC_WEB_URL: 'http://127.0.0.1:3000', ACCESS_TOKEN_TTL_SECONDS: 900, LOGIN_FREE_FAILURES: 5 });
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
