import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { formatDate, timeLeft } from './format';

describe('format', () => {
  const t = createI18n('en').t;
  const now = Date.parse('2027-04-10T12:00:00Z');
  it('time left to a deadline, and an explicit "passed"', () => {
    expect(timeLeft(t, '2027-04-12T15:30:00Z', now)).toBe('2 d 3 h 30 min left');
    expect(timeLeft(t, '2027-04-10T13:05:00Z', now)).toBe('1 h 5 min left');
    expect(timeLeft(t, '2027-04-10T11:00:00Z', now)).toBe('deadline passed');
  });
  it('in the reader’s language', () => {
    expect(timeLeft(createI18n('zh').t, '2027-04-12T15:30:00Z', now)).toBe('剩余 2 天 3 小时 30 分钟');
    expect(formatDate('2027-08-01', 'es')).toMatch(/ago 2027/);
  });
});
