import { FUTURE_TOLERANCE_MS, isInTheFuture } from './recorded-time';

describe('recorded times', () => {
  const now = new Date('2027-04-12T10:00:00Z');
  it('the past and now are fine, and a clock a few minutes ahead too', () => {
    expect(isInTheFuture(new Date('2027-04-11T10:00:00Z'), now)).toBe(false);
    expect(isInTheFuture(now, now)).toBe(false);
    expect(isInTheFuture(new Date(now.getTime() + FUTURE_TOLERANCE_MS), now)).toBe(false);
  });
  it('later than that is in the future', () => {
    expect(isInTheFuture(new Date(now.getTime() + FUTURE_TOLERANCE_MS + 1), now)).toBe(true);
    expect(isInTheFuture(new Date('2027-04-13T10:00:00Z'), now)).toBe(true);
  });
});
