import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AccessTokenSigner, AuthenticatedUser, parsePrivateKey, parseSealingPrivateKey, SecretOpener } from '@twinning/platform-auth';

type KeyPair = { publicKey: string; privateKey: string };
let pair: KeyPair | undefined;
let linkPair: KeyPair | undefined;

function generate(kind: 'ed25519' | 'x25519'): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync(kind as 'ed25519');
  return {
    publicKey: Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
    privateKey: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64'),
  };
}

export interface TestKeys {
  JWT_PUBLIC_KEY: string;
  JWT_PRIVATE_KEY: string;
  /** The notifications service's X25519 key pair: the gateway seals invitation links to the public key. */
  INVITATION_LINK_PUBLIC_KEY: string;
  INVITATION_LINK_PRIVATE_KEY: string;
}

/** One Ed25519 key pair (access tokens) and one X25519 key pair (invitation links) per test process, base64 PEM as in the env. */
export function testKeys(): TestKeys {
  pair ??= generate('ed25519');
  linkPair ??= generate('x25519');
  return { JWT_PUBLIC_KEY: pair.publicKey, JWT_PRIVATE_KEY: pair.privateKey, INVITATION_LINK_PUBLIC_KEY: linkPair.publicKey, INVITATION_LINK_PRIVATE_KEY: linkPair.privateKey };
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

/** The accept URL sealed in a `user.invited` v2 payload, opened with the test notifications key (as the email would carry it). */
export async function invitationUrlFrom(payload: { sealedAcceptUrl?: string }): Promise<string> {
  return new SecretOpener(parseSealingPrivateKey(testKeys().INVITATION_LINK_PRIVATE_KEY)).open(String(payload.sealedAcceptUrl));
}

/** The clear invitation token of a `user.invited` v2 payload, as the invitee gets it in the email's link. */
export async function invitationTokenFrom(payload: { sealedAcceptUrl?: string }): Promise<string> {
  const token = new URL(await invitationUrlFrom(payload)).searchParams.get('token');
  if (!token) throw new Error('user.invited without a token in its accept URL');
  return token;
}

/** The clear token of a `user.password-reset-requested` payload's sealed reset URL, as the email's link carries it. */
export async function resetTokenFrom(payload: { sealedResetUrl?: string }): Promise<string> {
  const url = await new SecretOpener(parseSealingPrivateKey(testKeys().INVITATION_LINK_PRIVATE_KEY)).open(String(payload.sealedResetUrl));
  const token = new URL(url).searchParams.get('token');
  if (!token) throw new Error('user.password-reset-requested without a token in its reset URL');
  return token;
}
