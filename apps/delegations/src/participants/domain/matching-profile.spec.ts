import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ParticipantMatchingProfileChangedV1 } from '@twinning/contracts';
import { MAX_LIST_ENTRIES, matchingProfile, matchingProfileChanged, MatchingProfileGuardian, MatchingProfileParticipant, requiresNonSmoking, splitFreeTextList } from './matching-profile';

const TODAY = '2027-03-01';
const participant = (over: Partial<MatchingProfileParticipant> = {}): MatchingProfileParticipant => ({
  id: '6f1c2f44-1d7a-4c0e-9a57-0b5c1b8f2d11', givenName: 'Lin', familyName: 'Chen', dateOfBirth: '2011-03-02', gender: 'female', languages: ['en', 'zh-Hans'],
  nationality: 'US', dietaryNeeds: 'Vegetarian; no pork', allergies: 'Cats, peanuts (anaphylaxis)\nCigarette smoke', ...over,
});
const consent = (consentExpiresOn: string | null, consentGivenAt: Date | string | null = '2027-01-10T18:00:00Z'): MatchingProfileGuardian => ({ consentGivenAt, consentExpiresOn });

describe('participant matching profile', () => {
  it('splits free text on commas, semicolons and newlines; trims, lower-cases, drops empties and repeats', () => {
    expect(splitFreeTextList(' Vegetarian;; no Pork ,\r\n\n halal ,')).toEqual(['vegetarian', 'no pork', 'halal']);
    expect(splitFreeTextList('Cats, cats; CATS')).toEqual(['cats']);
    expect(splitFreeTextList('')).toEqual([]);
    expect(splitFreeTextList(' ,; \n')).toEqual([]);
    expect(splitFreeTextList(null)).toEqual([]);
  });

  it('never drops an entry beyond the contract limit: the rest is joined into the last one', () => {
    const many = Array.from({ length: MAX_LIST_ENTRIES + 5 }, (_, i) => `a${i}`);
    const split = splitFreeTextList(many.join(', '));
    expect(split).toHaveLength(MAX_LIST_ENTRIES);
    expect(split[MAX_LIST_ENTRIES - 1]).toBe(many.slice(MAX_LIST_ENTRIES - 1).join(', '));
  });

  it.each([
    [['smoke'], true], [['cigarette smoke'], true], [['tobacco'], true], [['passive smoking'], true], [['asthma'], true], [['mild asthma (inhaler)'], true],
    [['cats', 'peanuts'], false], [[], false],
  ])('allergies %j → non-smoking required %s', (allergies, expected) => {
    expect(requiresNonSmoking(allergies)).toBe(expected);
  });

  it('maps the participant fields and the split lists, and is a valid v1 payload', () => {
    const profile = matchingProfile(participant(), [consent('2027-12-31')], TODAY);
    expect(profile).toEqual({
      participantId: '6f1c2f44-1d7a-4c0e-9a57-0b5c1b8f2d11', givenName: 'Lin', familyName: 'Chen', dateOfBirth: '2011-03-02', gender: 'female', languages: ['en', 'zh-Hans'],
      nationality: 'US', diet: ['vegetarian', 'no pork'], allergies: ['cats', 'peanuts (anaphylaxis)', 'cigarette smoke'], nonSmokingRequired: true,
      guardianConsentOnFile: true, guardianConsentExpiresOn: '2027-12-31',
    });
    expect(validateSync(plainToInstance(ParticipantMatchingProfileChangedV1, profile), { forbidUnknownValues: true })).toEqual([]);
    const many = matchingProfile(participant({ allergies: Array.from({ length: 50 }, (_, i) => `x${i}`).join(';') }), [], TODAY);
    expect(validateSync(plainToInstance(ParticipantMatchingProfileChangedV1, many), { forbidUnknownValues: true })).toEqual([]);
  });

  it('consent on file: at least one given and not expired (the expiry day itself still valid)', () => {
    const on = (gs: MatchingProfileGuardian[]) => matchingProfile(participant(), gs, TODAY);
    expect(on([]).guardianConsentOnFile).toBe(false);
    expect(on([consent(null, null)]).guardianConsentOnFile).toBe(false);
    expect(on([consent('2027-02-28')]).guardianConsentOnFile).toBe(false);
    expect(on([consent(TODAY)])).toMatchObject({ guardianConsentOnFile: true, guardianConsentExpiresOn: TODAY });
    expect(on([consent(null, new Date('2026-01-01T00:00:00Z'))]).guardianConsentOnFile).toBe(true);
    expect(on([consent('2027-02-28'), consent(null, null), consent('2027-06-30')]).guardianConsentOnFile).toBe(true);
  });

  it('expiry: the latest among valid consents when all of them expire, omitted otherwise', () => {
    const on = (gs: MatchingProfileGuardian[]) => matchingProfile(participant(), gs, TODAY);
    expect(on([consent('2027-06-30'), consent('2027-12-31'), consent('2028-01-31', null)]).guardianConsentExpiresOn).toBe('2027-12-31');
    // an expired consent does not count, nor does one never given
    expect(on([consent('2027-06-30'), consent('2026-12-31'), consent(null, null)]).guardianConsentExpiresOn).toBe('2027-06-30');
    // a valid consent without an expiry: no single expiry date
    expect(on([consent('2027-06-30'), consent(null)])).not.toHaveProperty('guardianConsentExpiresOn');
    expect(on([consent('2026-01-01')])).not.toHaveProperty('guardianConsentExpiresOn');
    expect(on([])).not.toHaveProperty('guardianConsentExpiresOn');
  });

  it('changed only when something it carries differs', () => {
    const a = matchingProfile(participant(), [consent('2027-12-31')], TODAY);
    expect(matchingProfileChanged(null, a)).toBe(true);
    expect(matchingProfileChanged(a, matchingProfile(participant({ allergies: 'cats,peanuts (anaphylaxis);cigarette smoke ' }), [consent('2027-12-31')], TODAY))).toBe(false);
    expect(matchingProfileChanged(a, matchingProfile(participant({ allergies: 'cats' }), [consent('2027-12-31')], TODAY))).toBe(true);
    expect(matchingProfileChanged(a, matchingProfile(participant(), [consent('2027-12-31'), consent('2027-06-30')], TODAY))).toBe(false);
    expect(matchingProfileChanged(a, matchingProfile(participant(), [], TODAY))).toBe(true);
  });
});
