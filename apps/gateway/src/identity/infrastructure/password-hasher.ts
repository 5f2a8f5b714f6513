import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/**
 * argon2id (memory-hard) with the OWASP-recommended minimum cost: 19 MiB, 2 iterations, 1 lane.
 * The stored value is the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`).
 */
@Injectable()
export class PasswordHasher {
  private static readonly options = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, PasswordHasher.options);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check when no account has the email (no user enumeration by timing). */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('no account has this email address');
    await this.verify(await this.dummy, password);
    return false;
  }
}
