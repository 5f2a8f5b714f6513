import { codeFreeText, ParticipantMatchingProfileChangedV1, ParticipantMatchingProfileChangedV2, requiresSmokeFreeHome } from '@twinning/contracts';

/** What host matching stores of a participant's diet and allergies: codes, notes, and whether the allergies still need coding. */
export interface CodedProfile {
  diet: string[];
  dietNote: string;
  allergies: string[];
  allergyNote: string;
  allergiesNeedCoding: boolean;
  nonSmokingRequired: boolean;
}

/**
 * The coded diet and allergies of a matching profile. v2 carries codes. A v1 profile (written before the codes, still
 * on the topic until it is compacted or expires) carries words: they are coded as the migration codes stored ones,
 * and a word with no code leaves the allergies needing coding, so the guest goes to no family with pets.
 */
export function codedProfile(version: number, payload: ParticipantMatchingProfileChangedV1 | ParticipantMatchingProfileChangedV2): CodedProfile {
  if (version >= 2) {
    const p = payload as ParticipantMatchingProfileChangedV2;
    return { diet: p.diet, dietNote: p.dietNote, allergies: p.allergies, allergyNote: p.allergyNote, allergiesNeedCoding: p.allergiesNeedCoding, nonSmokingRequired: p.nonSmokingRequired };
  }
  const a = codeFreeText('allergens', payload.allergies.join('; '));
  const d = codeFreeText('diets', payload.diet.join('; '));
  return {
    diet: d.codes, dietNote: d.note, allergies: a.codes, allergyNote: a.note, allergiesNeedCoding: a.uncoded.length > 0,
    nonSmokingRequired: payload.nonSmokingRequired || requiresSmokeFreeHome(a.codes),
  };
}
