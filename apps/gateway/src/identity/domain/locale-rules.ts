/** BCP 47 language tag, canonicalised (`zh-cn` → `zh-CN`), or undefined when it is not one. */
export function canonicalLanguageTag(value: string): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value)) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

let zones: Set<string> | undefined;

/** An IANA time zone id this runtime knows (e.g. `America/Los_Angeles`, `Asia/Kabul`, `UTC`). */
export function isIanaTimeZone(value: string): boolean {
  if (typeof value !== 'string' || !value) return false;
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zones.has(value) || value === 'UTC') return true;
  // links and aliases (e.g. `Asia/Calcutta`) are accepted by the formatter though not listed
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/');
  } catch {
    return false;
  }
}

let regions: Intl.DisplayNames | undefined;

/** CLDR names these too, but they are user-assigned or grouping codes, not countries (XK, Kosovo, is accepted). */
const NOT_COUNTRIES = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN)$/;

/** An assigned ISO 3166-1 alpha-2 country code, upper case (`US`, `CN`, `AF`). */
export function isCountryCode(value: string): boolean {
  if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value) || NOT_COUNTRIES.test(value)) return false;
  regions ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  try {
    return regions.of(value) !== undefined;
  } catch {
    return false;
  }
}

/** Emails are unique regardless of case: `Mei.Lin@Tacoma.example` and `mei.lin@tacoma.example` are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
