import { PasswordResetThrottle } from './password-reset-throttle';

describe('PasswordResetThrottle', () => {
  const throttle = new PasswordResetThrottle({ perAccount: 3, perAddress: 10, windowSeconds: 3600 });
  const now = new Date('2027-04-14T10:00:00Z');

  it('sends until the account had its share, then stays quiet (the same answer to the caller)', () => {
    expect(throttle.decide({ requests: 2, oldest: now }, 2, now)).toEqual({ outcome: 'send' });
    expect(throttle.decide({ requests: 3, oldest: now }, 3, now)).toEqual({ outcome: 'quiet' });
  });

  it('treats an unknown email like a known one below the limits', () => {
    expect(throttle.decide({ requests: 0, oldest: null }, null, now)).toEqual({ outcome: 'send' });
  });

  it('refuses an address that asked too often, whatever the account, until its oldest request leaves the window', () => {
    const oldest = new Date(now.getTime() - 3000 * 1000);
    expect(throttle.decide({ requests: 10, oldest }, null, now)).toEqual({ outcome: 'refused', retryAfterSeconds: 600 });
    expect(throttle.decide({ requests: 10, oldest }, 0, now)).toEqual({ outcome: 'refused', retryAfterSeconds: 600 });
  });
});
