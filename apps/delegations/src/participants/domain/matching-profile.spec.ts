import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ParticipantMatchingProfileChangedV2 } from '@twinning/contracts';
import { matchingProfile, matchingProfileChanged, MatchingProfileGuardian, MatchingProfileParticipant } from './matching-profile';

const TODAY = '2027-03-01';
const participant = (over: Partial<MatchingProfileParticipant> = {}): MatchingProfileParticipant => ({
  id: '6f1c2f44-1d7a-4c0e-9a57-0b5c1b8f2d11', givenName: 'Lin', familyName: 'Chen', dateOfBirth: '2011-03-02', gender: 'female', languages: ['en', 'zh-Hans'],
  nationality: 'US', dietCodes: ['vegetarian', 'no-pork'], dietNote: '', allergyCodes: ['cat', 'peanut', 'smoke'], allergyNote: 'peanuts: anaphylaxis', allergiesNeedCoding: false, ...over,
});
const consent = (consentExpiresOn: string | null, consentGivenAt: Date | string | null = '2027-01-10T18:00:00Z'): MatchingProfileGuardian => ({ consentGivenAt, consentExpiresOn });

describe('participant matching profile', () => {
  it.each([
    [['smoke'], true], [['cat', 'smoke'], true], [['cat', 'peanut'], false], [[], false],
  ])('allergen codes %j → non-smoking required %s (codes only, never the note)', (allergyCodes, expected) => {
    expect(matchingProfile(participant({ allergyCodes, allergyNote: 'cigarette smoke' }), [], TODAY).nonSmokingRequired).toBe(expected);
  });

  it('maps the participant fields and the codes, and is a valid v2 payload', () => {
    const profile = matchingProfile(participant(), [consent('2027-12-31')], TODAY);
    expect(profile).toEqual({
      participantId: '6f1c2f44-1d7a-4c0e-9a57-0b5c1b8f2d11', givenName: 'Lin', familyName: 'Chen', dateOfBirth: '2011-03-02', gender: 'female', languages: ['en', 'zh-Hans'],
      nationality: 'US', diet: ['vegetarian', 'no-pork'], dietNote: '', allergies: ['cat', 'peanut', 'smoke'], allergyNote: 'peanuts: anaphylaxis', allergiesNeedCoding: false,
      nonSmokingRequired: true, guardianConsentOnFile: true, guardianConsentExpiresOn: '2027-12-31',
    });
    expect(validateSync(plainToInstance(ParticipantMatchingProfileChangedV2, profile), { forbidUnknownValues: true })).toEqual([]);
    const wrong = matchingProfile(participant({ allergyCodes: ['dog hair'] }), [], TODAY);
    expect(validateSync(plainToInstance(ParticipantMatchingProfileChangedV2, wrong), { forbidUnknownValues: true }).map((e) => e.property)).toEqual(['allergies']);
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
    expect(matchingProfileChanged(a, matchingProfile(participant(), [consent('2027-12-31')], TODAY))).toBe(false);
    expect(matchingProfileChanged(a, matchingProfile(participant({ allergyCodes: ['cat'] }), [consent('2027-12-31')], TODAY))).toBe(true);
    expect(matchingProfileChanged(a, matchingProfile(participant({ allergiesNeedCoding: true }), [consent('2027-12-31')], TODAY))).toBe(true);
    expect(matchingProfileChanged(a, matchingProfile(participant(), [consent('2027-12-31'), consent('2027-06-30')], TODAY))).toBe(false);
    expect(matchingProfileChanged(a, matchingProfile(participant(), [], TODAY))).toBe(true);
  });
});
