/** Charged password checks of one account from one client address within the window. */
export interface PairHistory {
  failures: number;
  /** When the latest of them was charged. */
  last: Date | null;
}

/** Charged password checks from one client address (any account) within the window. */
export interface AddressHistory {
  failures: number;
  /** The oldest of them still inside the window. */
  oldest: Date | null;
}

export interface ThrottleLimits {
  /** Failures of one account from one address before each further attempt must wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  delayBaseSeconds: number;
  maxDelaySeconds: number;
  perAddress: number;
  windowSeconds: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; reason: 'account-address' | 'address'; retryAfterSeconds: number };

/**
 * Brute-force protection keyed so that a stranger cannot lock the owner out: an account is slowed down
 * per (account, client address) with a progressive delay (after `freeFailures`, each attempt waits
 * `delayBaseSeconds` × 2^(n − freeFailures), at most `maxDelaySeconds`, after the previous one), so
 * the same account from another address is not affected; and one address may fail at most
 * `perAddress` times within the window, whichever accounts it tries. The caller charges the attempt
 * before it checks the password, so parallel attempts are counted too.
 */
export class LoginThrottle {
  constructor(private readonly limits: ThrottleLimits) {}

  decide(pair: PairHistory, address: AddressHistory, now: Date): ThrottleDecision {
    let refused: ThrottleDecision = { allowed: true };
    const refuse = (reason: 'account-address' | 'address', freeAt: number) => {
      const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
      if (refused.allowed || retryAfterSeconds > refused.retryAfterSeconds) refused = { allowed: false, reason, retryAfterSeconds };
    };
    const wait = this.delaySeconds(pair.failures);
    if (wait > 0) {
      const freeAt = (pair.last?.getTime() ?? now.getTime()) + wait * 1000;
      if (freeAt > now.getTime()) refuse('account-address', freeAt);
    }
    if (address.failures >= this.limits.perAddress) refuse('address', (address.oldest?.getTime() ?? now.getTime()) + this.limits.windowSeconds * 1000);
    return refused;
  }

  /** How long after the latest failure the next attempt of that account from that address must wait. */
  delaySeconds(failures: number): number {
    if (failures < this.limits.freeFailures) return 0;
    const doubling = Math.min(failures - this.limits.freeFailures, 30);
    return Math.min(this.limits.maxDelaySeconds, this.limits.delayBaseSeconds * 2 ** doubling);
  }

  /** Failures at or after this instant count. */
  windowStart(now: Date): Date {
    return new Date(now.getTime() - this.limits.windowSeconds * 1000);
  }
}
