/** Failed logins counted for one key (an account or a client address) within the window. */
export interface FailureWindow {
  failures: number;
  /** The oldest failure still inside the window. */
  oldest: Date | null;
}

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; reason: 'account' | 'address'; retryAfterSeconds: number };

/**
 * Brute-force protection as a sliding window: once `limit` failures of an account (or of a client
 * address) lie within the last `windowSeconds`, further attempts are refused, even with the right
 * password, until the oldest of those failures leaves the window.
 */
export class LoginThrottle {
  constructor(private readonly limits: ThrottleLimits) {}

  decide(account: FailureWindow, address: FailureWindow, now: Date): ThrottleDecision {
    const checks: ['account' | 'address', FailureWindow, number][] = [
      ['account', account, this.limits.perAccount],
      ['address', address, this.limits.perAddress],
    ];
    let refused: ThrottleDecision = { allowed: true };
    for (const [reason, w, limit] of checks) {
      if (w.failures < limit) continue;
      const freeAt = (w.oldest?.getTime() ?? now.getTime()) + this.limits.windowSeconds * 1000;
      const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
      if (refused.allowed || retryAfterSeconds > refused.retryAfterSeconds) refused = { allowed: false, reason, retryAfterSeconds };
    }
    return refused;
  }

  /** Failures at or after this instant count. */
  windowStart(now: Date): Date {
    return new Date(now.getTime() - this.limits.windowSeconds * 1000);
  }
}
