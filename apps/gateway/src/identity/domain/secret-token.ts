import { createHash, randomBytes } from 'node:crypto';

/**
 * Random bearer secrets (invitation and refresh tokens): 32 random bytes, base64url. Only the
 * SHA-256 of a token is stored, so a copy of the database cannot be used to sign in.
 */
export class SecretToken {
  static generate(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: SecretToken.hash(token) };
  }

  static hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
