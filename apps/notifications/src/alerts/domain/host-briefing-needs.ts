import { codeFreeText, PlacementHostBriefingV1 } from '@twinning/contracts';

/** What the hosts' welcome packet shows of the guest's needs: codes (rendered as labels in the host's language) and notes. */
export interface HostBriefingNeeds {
  dietCodes: string[];
  dietNote: string | null;
  allergyCodes: string[];
  allergyNote: string | null;
}

/**
 * The guest's needs from a host briefing. A briefing written before the codes carries English words only: they are
 * coded the way stored words were migrated, and what has no code is shown as written. A smoke-free home is the
 * smoke allergen (its label says so in every language).
 */
export function hostBriefingNeeds(b: PlacementHostBriefingV1): HostBriefingNeeds {
  const diet = b.dietCodes ? { codes: b.dietCodes, note: b.dietNote ?? '' } : codeFreeText('diets', b.diet.join('; '));
  const allergies = b.allergyCodes ? { codes: b.allergyCodes, note: b.allergyNote ?? '' } : codeFreeText('allergens', b.allergies.join('; '));
  const allergyCodes = b.nonSmokingRequired && !allergies.codes.includes('smoke') ? [...allergies.codes, 'smoke'] : allergies.codes;
  return { dietCodes: diet.codes, dietNote: diet.note || null, allergyCodes, allergyNote: allergies.note || null };
}
