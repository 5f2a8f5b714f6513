import { createPublicKey, KeyObject } from 'node:crypto';
import { compactDecrypt, decodeProtectedHeader } from 'jose';
import { SEALED_SECRET_ALG, SEALED_SECRET_ENC, sealingKeyId } from './sealed-secret';
import { SealedSecretError } from './sealed-secret-error';
import { SecretSealer } from './secret-sealer';

/**
 * Opens secrets sealed to this service's public key. A secret sealed to another key (the sender has a rotated or a
 * wrong public key, or this service lost its key) is refused with `SEALED_SECRET.OTHER_KEY` naming both key ids, so
 * the mismatch is loud instead of a link that silently does not work.
 */
export class SecretOpener {
  private readonly keyId: Promise<string>;

  constructor(private readonly privateKey: KeyObject) {
    this.keyId = sealingKeyId(createPublicKey(privateKey));
  }

  /** A sealer to this opener's own key (to re-seal a secret that arrived in the clear). */
  sealer(): SecretSealer {
    return new SecretSealer(createPublicKey(this.privateKey));
  }

  async open(sealed: string): Promise<string> {
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(sealed).kid;
    } catch {
      throw new SealedSecretError('SEALED_SECRET.UNREADABLE', 'the sealed secret is not a compact JWE');
    }
    const mine = await this.keyId;
    if (kid !== mine) throw new SealedSecretError('SEALED_SECRET.OTHER_KEY', `the secret is sealed to key ${String(kid)}, this service holds key ${mine} (rotated or misconfigured key)`);
    try {
      const { plaintext } = await compactDecrypt(sealed, this.privateKey, { keyManagementAlgorithms: [SEALED_SECRET_ALG], contentEncryptionAlgorithms: [SEALED_SECRET_ENC] });
      return new TextDecoder().decode(plaintext);
    } catch {
      throw new SealedSecretError('SEALED_SECRET.UNREADABLE', `the secret sealed to key ${mine} cannot be decrypted (damaged)`);
    }
  }
}
