import { NOTIFICATION_TYPES, NotificationType } from '../../notification-types';
import { chooseLocale, digestDue, digestFieldsOf, distinctLines, errorLine, MAX_RETRY_DELAY_MS, planChannels, retryDelayMs, shippedLocaleOf } from './delivery-rules';

describe('delivery rules', () => {
  it('chooses the preferred language, then the organisation default, then English', () => {
    expect(chooseLocale({ language: 'zh-CN', organisationDefaultLanguage: 'en' })).toBe('zh-CN');
    expect(chooseLocale({ language: 'ps', organisationDefaultLanguage: 'es-MX' })).toBe('es-MX');
    expect(chooseLocale({ language: 'ps', organisationDefaultLanguage: 'fa' })).toBe('en');
    expect(chooseLocale({ language: null, organisationDefaultLanguage: null })).toBe('en');
    expect(chooseLocale(null)).toBe('en');
    expect(shippedLocaleOf('ES')).toBe('es');
    expect(shippedLocaleOf('zh_Hant_TW')).toBe('zh');
  });

  it('backs off exponentially, capped', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(100, n))).toEqual([100, 200, 400, 800]);
    expect(retryDelayMs(60_000, 30)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('skips an opted-out category on both channels, never a safety type; an email without address is skipped', () => {
    expect(planChannels('offer-made', ['email', 'in-app'], ['offers'], 'a@b.c').map((p) => p.status)).toEqual(['skipped', 'skipped']);
    expect(planChannels('welfare-alert', ['email', 'in-app'], ['safety'], 'a@b.c').map((p) => p.status)).toEqual(['queued', 'sent']);
    // delegation-cancelled is safety-critical although its category (delegations) may be opted out
    expect(planChannels('delegation-cancelled', ['email'], ['delegations'], 'a@b.c')[0].status).toBe('queued');
    expect(planChannels('delegation-changed', ['email'], ['delegations'], 'a@b.c')[0].status).toBe('skipped');
    expect(planChannels('offer-made', ['email', 'in-app'], [], null).map((p) => [p.status, p.reason])).toEqual([['skipped', 'no email address known for the recipient'], ['sent', null]]);
  });

  it('marks digestible emails only', () => {
    expect(planChannels('offer-reminder', ['email', 'in-app'], [], 'a@b.c').map((p) => p.digest)).toEqual([true, false]);
    expect(planChannels('offer-made', ['email'], [], 'a@b.c')[0].digest).toBe(false);
  });

  it('folds problems by email only; a safety type is never folded or held for a digest', () => {
    expect(planChannels('conflict-raised', ['email', 'in-app'], [], 'a@b.c').map((p) => [p.fold, p.digest])).toEqual([[true, false], [false, false]]);
    expect(planChannels('offer-made', ['email'], [], 'a@b.c')[0].fold).toBe(false);
    for (const type of Object.keys(NOTIFICATION_TYPES) as NotificationType[]) {
      if (!NOTIFICATION_TYPES[type].safety) continue;
      expect([type, planChannels(type, ['email'], [], 'a@b.c')[0]]).toMatchObject([type, { status: 'queued', fold: false, digest: false }]);
    }
  });

  it('lists a problem raised twice in one window once, by its key; lines without a key are all kept', () => {
    const lines = [{ item: 'A', n: 1 }, { item: 'B', n: 2 }, { item: 'A', n: 3 }, { item: null, n: 4 }, { item: null, n: 5 }];
    expect(distinctLines(lines).map((l) => l.n)).toEqual([1, 2, 4, 5]);
  });

  it('a digest is due after the delay or once its day is over', () => {
    const first = new Date('2026-05-01T10:00:00Z');
    expect(digestDue('2026-05-01', first, new Date('2026-05-01T10:30:00Z'), 3600_000)).toBe(false);
    expect(digestDue('2026-05-01', first, new Date('2026-05-01T11:00:00Z'), 3600_000)).toBe(true);
    expect(digestDue('2026-05-01', new Date('2026-05-01T23:50:00Z'), new Date('2026-05-02T00:00:01Z'), 3600_000)).toBe(true);
  });

  it('takes the link and the due time a digest lists from the data', () => {
    expect(digestFieldsOf({ guestName: 'Mei', deadline: '2027-07-01T10:00:00-07:00', offerUrl: 'https://x/offers/1' })).toEqual({ link: 'https://x/offers/1', dueAt: '2027-07-01T17:00:00.000Z' });
    expect(digestFieldsOf({ expiresOn: '2027-07-01', familyUrl: 'https://x/f/1' })).toEqual({ link: 'https://x/f/1', dueAt: null });
    expect(digestFieldsOf({})).toEqual({ link: null, dueAt: null });
  });

  it('writes an error as one line', () => {
    expect(errorLine(Object.assign(new Error('Invalid greeting.\n421 try later'), { code: 'EPROTOCOL', responseCode: 421 }))).toBe('EPROTOCOL 421 Invalid greeting. 421 try later');
  });
});
