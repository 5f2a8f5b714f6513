import { LoginThrottle } from './login-throttle';

describe('LoginThrottle (sliding window)', () => {
  const throttle = new LoginThrottle({ perAccount: 10, perAddress: 30, windowSeconds: 900 });
  const now = new Date('2027-04-10T10:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  const none = { failures: 0, oldest: null };

  it('allows attempts below the limits', () => {
    expect(throttle.decide({ failures: 9, oldest: ago(60) }, { failures: 29, oldest: ago(60) }, now)).toEqual({ allowed: true });
  });

  it('refuses the account at the limit until the oldest failure leaves the window', () => {
    expect(throttle.decide({ failures: 10, oldest: ago(60) }, none, now)).toEqual({ allowed: false, reason: 'account', retryAfterSeconds: 840 });
  });

  it('refuses the address at its limit, whichever accounts were tried', () => {
    expect(throttle.decide({ failures: 1, oldest: ago(5) }, { failures: 30, oldest: ago(800) }, now)).toEqual({ allowed: false, reason: 'address', retryAfterSeconds: 100 });
  });

  it('reports the longer wait when both are over', () => {
    expect(throttle.decide({ failures: 10, oldest: ago(850) }, { failures: 31, oldest: ago(100) }, now)).toMatchObject({ reason: 'address', retryAfterSeconds: 800 });
  });

  it('never asks to wait less than a second', () => {
    expect(throttle.decide({ failures: 10, oldest: ago(900) }, none, now)).toMatchObject({ retryAfterSeconds: 1 });
  });

  it('counts failures from the start of the window', () => {
    expect(throttle.windowStart(now)).toEqual(ago(900));
  });
});
