import { canonicalLanguageTag, isCountryCode, isIanaTimeZone, normaliseEmail } from './locale-rules';

describe('locale rules', () => {
  it.each([['en', 'en'], ['zh-cn', 'zh-CN'], ['ps', 'ps'], ['pt-BR', 'pt-BR'], ['sr-Latn-RS', 'sr-Latn-RS']])('language %s → %s', (v, out) => {
    expect(canonicalLanguageTag(v)).toBe(out);
  });

  it.each(['', 'english!', 'en_US', '12'])('refuses language %p', (v) => {
    expect(canonicalLanguageTag(v)).toBeUndefined();
  });

  it.each(['America/Los_Angeles', 'Asia/Kabul', 'Asia/Shanghai', 'UTC', 'Europe/Lyon'.replace('Lyon', 'Paris')])('accepts time zone %s', (z) => {
    expect(isIanaTimeZone(z)).toBe(true);
  });

  it.each(['Mars/Olympus', 'PST8', '', 'Pacific Time'])('refuses time zone %p', (z) => {
    expect(isIanaTimeZone(z)).toBe(false);
  });

  it.each([['US', true], ['CN', true], ['AF', true], ['XX', false], ['ZZ', false], ['EU', false], ['QO', false], ['XK', true], ['us', false], ['USA', false]] as const)('country %s → %s', (c, ok) => {
    expect(isCountryCode(c)).toBe(ok);
  });

  it('normalises emails for uniqueness', () => {
    expect(normaliseEmail(' Mei.Lin@Tacoma.Example ')).toBe('mei.lin@tacoma.example');
  });
});
