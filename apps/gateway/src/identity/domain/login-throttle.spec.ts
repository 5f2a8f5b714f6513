import { LoginThrottle } from './login-throttle';

describe('LoginThrottle (per account and address, progressive; per address, sliding window)', () => {
  const throttle = new LoginThrottle({ freeFailures: 5, delayBaseSeconds: 2, maxDelaySeconds: 900, perAddress: 30, windowSeconds: 900 });
  const now = new Date('2027-04-10T10:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  const none = { failures: 0, oldest: null };

  it('allows the first failures of an account from an address without waiting', () => {
    expect(throttle.decide({ failures: 4, last: ago(0) }, { failures: 4, oldest: ago(10) }, now)).toEqual({ allowed: true });
  });

  it('then makes each attempt wait twice as long as the one before, up to the maximum', () => {
    expect([5, 6, 7, 8, 13, 14, 15, 40].map((n) => throttle.delaySeconds(n))).toEqual([2, 4, 8, 16, 512, 900, 900, 900]);
    expect(throttle.decide({ failures: 7, last: ago(3) }, none, now)).toEqual({ allowed: false, reason: 'account-address', retryAfterSeconds: 5 });
    expect(throttle.decide({ failures: 7, last: ago(8) }, none, now)).toEqual({ allowed: true });
  });

  it('refuses the address at its limit, whichever accounts were tried', () => {
    expect(throttle.decide({ failures: 1, last: ago(5) }, { failures: 30, oldest: ago(800) }, now)).toEqual({ allowed: false, reason: 'address', retryAfterSeconds: 100 });
  });

  it('reports the longer wait when both refuse', () => {
    expect(throttle.decide({ failures: 14, last: ago(100) }, { failures: 31, oldest: ago(850) }, now)).toMatchObject({ reason: 'account-address', retryAfterSeconds: 800 });
  });

  it('never asks to wait less than a second', () => {
    expect(throttle.decide({ failures: 0, last: null }, { failures: 30, oldest: ago(900) }, now)).toMatchObject({ retryAfterSeconds: 1 });
  });

  it('counts failures from the start of the window', () => {
    expect(throttle.windowStart(now)).toEqual(ago(900));
  });
});
