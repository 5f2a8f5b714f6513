import { KeyObject } from 'node:crypto';
import { CompactEncrypt } from 'jose';
import { SEALED_SECRET_ALG, SEALED_SECRET_ENC, sealingKeyId } from './sealed-secret';

/** Seals a secret to the reader's public key (see sealed-secret.ts); only the holder of the private key opens it. */
export class SecretSealer {
  private keyId?: Promise<string>;

  constructor(private readonly publicKey: KeyObject) {}

  async seal(secret: string): Promise<string> {
    this.keyId ??= sealingKeyId(this.publicKey);
    return new CompactEncrypt(new TextEncoder().encode(secret))
      .setProtectedHeader({ alg: SEALED_SECRET_ALG, enc: SEALED_SECRET_ENC, kid: await this.keyId })
      .encrypt(this.publicKey);
  }
}
