export interface PasswordResetLimits {
  /** Reset emails one account may be sent within the window. */
  perAccount: number;
  /** Reset requests (for any address, known or not) one client address may make within the window. */
  perAddress: number;
  windowSeconds: number;
}

export type PasswordResetDecision =
  | { outcome: 'send' }
  /** The account had its share of emails: nothing is sent, and the caller gets the usual answer (an inbox is not flooded, and no one learns the account exists). */
  | { outcome: 'quiet' }
  /** The client address asked too often (whatever the addresses): refused, which says nothing about any account. */
  | { outcome: 'refused'; retryAfterSeconds: number };

/**
 * How often "forgot password" may be used. The account's limit never shows in the answer, because only a real
 * account has one; the address's limit counts unknown emails as well, so its 429 tells nothing either.
 */
export class PasswordResetThrottle {
  constructor(private readonly limits: PasswordResetLimits) {}

  windowStart(now: Date): Date {
    return new Date(now.getTime() - this.limits.windowSeconds * 1000);
  }

  decide(address: { requests: number; oldest: Date | null }, accountEmailsSent: number | null, now: Date): PasswordResetDecision {
    if (address.requests >= this.limits.perAddress) {
      const frees = address.oldest ? address.oldest.getTime() + this.limits.windowSeconds * 1000 : now.getTime();
      return { outcome: 'refused', retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)) };
    }
    if (accountEmailsSent !== null && accountEmailsSent >= this.limits.perAccount) return { outcome: 'quiet' };
    return { outcome: 'send' };
  }
}
