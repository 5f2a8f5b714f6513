import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { formatDate, formatDateTimeInZone, timeLeft } from './format';

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
  it('a moment on a zone’s wall clock, the zone named; an unknown zone falls back to the reader’s own', () => {
    const spaced = (s: string) => s.replace(/\s/g, ' '); // ICU versions differ in the space before AM/PM
    expect(spaced(formatDateTimeInZone('2027-04-12T07:30:00Z', 'en', 'Asia/Shanghai'))).toBe('Apr 12, 2027, 3:30 PM China Standard Time');
    expect(spaced(formatDateTimeInZone('2027-04-12T07:30:00Z', 'en', 'America/Los_Angeles'))).toBe('Apr 12, 2027, 12:30 AM Pacific Daylight Time');
    expect(formatDateTimeInZone('2027-04-12T07:30:00Z', 'zh', 'Asia/Shanghai')).toContain('中国标准时间');
    expect(formatDateTimeInZone('2027-04-12T07:30:00Z', 'en', 'Mars/Olympus')).toBe(formatDateTimeInZone('2027-04-12T07:30:00Z', 'en'));
  });
});
