import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AccessTokenSigner, AuthenticatedUser, parsePrivateKey } from '@twinning/platform-auth';

let pair: { publicKey: string; privateKey: string } | undefined;

/** One Ed25519 key pair per test process, base64 PEM as in the env. */
export function testKeys(): { JWT_PUBLIC_KEY: string; JWT_PRIVATE_KEY: string } {
  if (!pair) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    pair = {
      publicKey: Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
      privateKey: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64'),
    };
  }
  return { JWT_PUBLIC_KEY: pair.publicKey, JWT_PRIVATE_KEY: pair.privateKey };
}

/** A signed access token as the gateway would issue it (services verify it with testKeys().JWT_PUBLIC_KEY). */
export async function tokenFor(user: Partial<AuthenticatedUser> & Pick<AuthenticatedUser, 'organisationId' | 'roles'>, ttlSeconds = 900): Promise<string> {
  const full: AuthenticatedUser = { userId: randomUUID(), email: 'test@example.org', name: 'Test User', language: 'en', ...user };
  return new AccessTokenSigner(parsePrivateKey(testKeys().JWT_PRIVATE_KEY), ttlSeconds).sign(full);
}

/** A well-formed token signed by a key the services do not trust. */
export async function tokenSignedByAnotherKey(user: Partial<AuthenticatedUser> & Pick<AuthenticatedUser, 'organisationId' | 'roles'>): Promise<string> {
  const other = Buffer.from(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64');
  const full: AuthenticatedUser = { userId: randomUUID(), email: 'test@example.org', name: 'Test User', language: 'en', ...user };
  return new AccessTokenSigner(parsePrivateKey(other)).sign(full);
}

/** The clear invitation token of a `user.invited` payload, as the invitee gets it in the email's link. */
export function invitationTokenFrom(payload: { acceptUrl?: string }): string {
  const token = new URL(String(payload.acceptUrl)).searchParams.get('token');
  if (!token) throw new Error('user.invited without a token in its accept URL');
  return token;
}
