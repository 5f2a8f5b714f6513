import { ParticipantMatchingProfileChangedV2, requiresSmokeFreeHome } from '@twinning/contracts';

/** The participant's own fields the matching profile is built from (as delegations stores them). */
export interface MatchingProfileParticipant {
  id: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: string;
  languages: string[];
  nationality: string;
  /** Diet codes of the vocabulary, and the note that goes with them. */
  dietCodes: string[];
  dietNote: string;
  /** Allergen codes of the vocabulary, the note, and whether the note still needs coding. */
  allergyCodes: string[];
  allergyNote: string;
  allergiesNeedCoding: boolean;
}

/** A guardian's consent: only these two fields are read (never names or contacts). */
export interface MatchingProfileGuardian {
  consentGivenAt: Date | string | null;
  /** YYYY-MM-DD, or null when the consent does not expire. */
  consentExpiresOn: string | null;
}

/** A consent counts when it was given and has not expired (an expiry date is valid through that day). */
function validConsent(g: MatchingProfileGuardian, today: string): boolean {
  return g.consentGivenAt !== null && g.consentGivenAt !== undefined && g.consentGivenAt !== '' && (g.consentExpiresOn === null || g.consentExpiresOn === undefined || g.consentExpiresOn >= today);
}

/**
 * The `participant.matching-profile-changed` v2 payload for a participant and their guardians: diet and allergies
 * as codes, the notes for the hosts' welcome packet, and whether the allergies still need coding.
 * `nonSmokingRequired`: the smoke allergen (codes only: medical notes never feed the matching profile, so an
 * asthma that matters for the placement is coded as the smoke allergen).
 * `guardianConsentOnFile`: at least one guardian's consent is given and not expired on `today`
 * (YYYY-MM-DD). `guardianConsentExpiresOn`: the latest expiry among the valid consents when every
 * one of them has an expiry; left out when there is no valid consent or one of them never expires.
 */
export function matchingProfile(p: MatchingProfileParticipant, guardians: MatchingProfileGuardian[], today: string): ParticipantMatchingProfileChangedV2 {
  const valid = guardians.filter((g) => validConsent(g, today));
  const expiries = valid.map((g) => g.consentExpiresOn);
  const allExpire = valid.length > 0 && expiries.every((e): e is string => typeof e === 'string');
  return {
    participantId: p.id,
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    gender: p.gender,
    languages: [...p.languages],
    nationality: p.nationality,
    diet: [...p.dietCodes],
    dietNote: p.dietNote,
    allergies: [...p.allergyCodes],
    allergyNote: p.allergyNote,
    allergiesNeedCoding: p.allergiesNeedCoding,
    nonSmokingRequired: requiresSmokeFreeHome(p.allergyCodes),
    guardianConsentOnFile: valid.length > 0,
    ...(allExpire ? { guardianConsentExpiresOn: (expiries as string[]).reduce((a, b) => (b > a ? b : a)) } : {}),
  };
}

/** Whether two profiles differ in anything they carry (so an unchanged profile is not published again). */
export function matchingProfileChanged(before: ParticipantMatchingProfileChangedV2 | null, after: ParticipantMatchingProfileChangedV2): boolean {
  return before === null || JSON.stringify(before) !== JSON.stringify(after);
}
