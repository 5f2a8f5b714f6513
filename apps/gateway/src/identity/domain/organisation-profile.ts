import { IdentityError } from './identity-error';
import { canonicalLanguageTag, isCountryCode, isIanaTimeZone } from './locale-rules';

export interface OrganisationProfileInput {
  name: string;
  city: string;
  country: string;
  timeZone: string;
  defaultLanguage: string;
}

/** A member organisation's profile, checked and canonicalised (country upper case, language tag canonical). */
export class OrganisationProfile {
  private constructor(readonly name: string, readonly city: string, readonly country: string, readonly timeZone: string, readonly defaultLanguage: string) {}

  static create(input: OrganisationProfileInput): OrganisationProfile {
    const name = input.name?.trim() ?? '';
    const city = input.city?.trim() ?? '';
    const country = input.country?.trim().toUpperCase() ?? '';
    if (!name) throw new IdentityError('invalid', 'IDENTITY.ORGANISATION_NAME_REQUIRED', 'name must not be empty', 'name');
    if (!city) throw new IdentityError('invalid', 'IDENTITY.CITY_REQUIRED', 'city must not be empty', 'city');
    if (!isCountryCode(country)) throw new IdentityError('invalid', 'IDENTITY.COUNTRY_INVALID', 'country must be an ISO 3166-1 alpha-2 code (e.g. US)', 'country');
    if (!isIanaTimeZone(input.timeZone)) throw new IdentityError('invalid', 'IDENTITY.TIME_ZONE_INVALID', 'timeZone must be an IANA time zone (e.g. America/Los_Angeles)', 'timeZone');
    const language = canonicalLanguageTag(input.defaultLanguage);
    if (!language) throw new IdentityError('invalid', 'IDENTITY.LANGUAGE_INVALID', 'defaultLanguage must be a BCP 47 language tag (e.g. en, zh-CN)', 'defaultLanguage');
    return new OrganisationProfile(name, city, country, input.timeZone, language);
  }
}
