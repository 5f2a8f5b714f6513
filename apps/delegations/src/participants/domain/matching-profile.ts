import { ParticipantMatchingProfileChangedV1 } from '@twinning/contracts';

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
  /** Free text, as entered ("vegetarian; no pork"). */
  dietaryNeeds: string;
  /** Free text, as entered ("cats, peanuts (anaphylaxis)"). */
  allergies: string;
}

/** A guardian's consent: only these two fields are read (never names or contacts). */
export interface MatchingProfileGuardian {
  consentGivenAt: Date | string | null;
  /** YYYY-MM-DD, or null when the consent does not expire. */
  consentExpiresOn: string | null;
}

/** The contract caps `diet` and `allergies` at this many entries. */
export const MAX_LIST_ENTRIES = 30;

/**
 * Splits a free-text list on commas, semicolons and newlines; trims, lower-cases, drops empty and
 * repeated entries (first occurrence order). Beyond {@link MAX_LIST_ENTRIES} entries the rest is
 * joined into the last entry, so nothing entered (an allergy above all) is ever dropped.
 */
export function splitFreeTextList(text: string | null | undefined): string[] {
  const entries = [...new Set((text ?? '').split(/[,;\r\n]+/).map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0))];
  if (entries.length <= MAX_LIST_ENTRIES) return entries;
  return [...entries.slice(0, MAX_LIST_ENTRIES - 1), entries.slice(MAX_LIST_ENTRIES - 1).join(', ')];
}

/**
 * A smoke-free household is required when an allergy entry mentions smoke, smoking, tobacco or
 * cigarettes (cigars), or asthma. Only the allergies field is read: medical notes never feed the
 * matching profile (they must not leave delegations, not even as a derived flag), so an asthma
 * that matters for the placement is to be recorded among the allergies ("asthma", "smoke").
 */
export function requiresNonSmoking(allergies: string[]): boolean {
  return allergies.some((a) => /smok|tobacco|cigar|asthma/.test(a));
}

/** A consent counts when it was given and has not expired (an expiry date is valid through that day). */
function validConsent(g: MatchingProfileGuardian, today: string): boolean {
  return g.consentGivenAt !== null && g.consentGivenAt !== undefined && g.consentGivenAt !== '' && (g.consentExpiresOn === null || g.consentExpiresOn === undefined || g.consentExpiresOn >= today);
}

/**
 * The `participant.matching-profile-changed` v1 payload for a participant and their guardians.
 * `guardianConsentOnFile`: at least one guardian's consent is given and not expired on `today`
 * (YYYY-MM-DD). `guardianConsentExpiresOn`: the latest expiry among the valid consents when every
 * one of them has an expiry; left out when there is no valid consent or one of them never expires.
 */
export function matchingProfile(p: MatchingProfileParticipant, guardians: MatchingProfileGuardian[], today: string): ParticipantMatchingProfileChangedV1 {
  const diet = splitFreeTextList(p.dietaryNeeds);
  const allergies = splitFreeTextList(p.allergies);
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
    diet,
    allergies,
    nonSmokingRequired: requiresNonSmoking(allergies),
    guardianConsentOnFile: valid.length > 0,
    ...(allExpire ? { guardianConsentExpiresOn: (expiries as string[]).reduce((a, b) => (b > a ? b : a)) } : {}),
  };
}

/** Whether two profiles differ in anything they carry (so an unchanged profile is not published again). */
export function matchingProfileChanged(before: ParticipantMatchingProfileChangedV1 | null, after: ParticipantMatchingProfileChangedV1): boolean {
  return before === null || JSON.stringify(before) !== JSON.stringify(after);
}
