import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK } from 'jose';

/**
 * Bearer secrets that one service must hand to another through Kafka (the link of an invitation) travel sealed:
 * a compact JWE (ECDH-ES on X25519, A256GCM, jose) to the public key of the one service that may read them, named by
 * its RFC 7638 thumbprint (`kid`), so a reader of the topic, the dead-letter topic or a log learns nothing usable.
 */
export const SEALED_SECRET_ALG = 'ECDH-ES';
export const SEALED_SECRET_ENC = 'A256GCM';

function readPem(value: string): string {
  const v = value.trim();
  return v.startsWith('-----BEGIN') ? v : Buffer.from(v, 'base64').toString('utf8');
}

function x25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'x25519') throw new Error(`${what} must be an X25519 key, not ${key.asymmetricKeyType ?? 'a symmetric key'}`);
  return key;
}

/** An X25519 public key (PEM, or the PEM base64-encoded) to seal secrets to. */
export function parseSealingPublicKey(value: string): KeyObject {
  return x25519(createPublicKey(readPem(value)), 'the sealing public key');
}

/** The X25519 private key (PEM, or the PEM base64-encoded) that opens sealed secrets. */
export function parseSealingPrivateKey(value: string): KeyObject {
  const key = createPrivateKey(readPem(value));
  if (key.type !== 'private') throw new Error('the sealing private key must be a private key');
  return x25519(key, 'the sealing private key');
}

/** The key id a sealed secret names: the JWK thumbprint of the public key. */
export async function sealingKeyId(publicKey: KeyObject): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(publicKey));
}
