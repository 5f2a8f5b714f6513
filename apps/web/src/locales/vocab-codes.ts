import type { Schemas } from '../api/client';

/** The codes of the vocabulary as the API defines them (from the OpenAPI document, which takes them from libs/contracts). */
export type PetCode = NonNullable<Schemas['CreateFamily']['pets']>[number];
export type DietCode = NonNullable<Schemas['CreateParticipant']['dietaryNeeds']>['codes'][number];
export type AllergenCode = NonNullable<Schemas['CreateParticipant']['allergies']>['codes'][number];
export type VocabularyKind = 'pets' | 'allergens' | 'diets';

/** A label for every code in one language: a missing code does not compile. */
export interface VocabularyLabels {
  pets: Record<PetCode, string>;
  allergens: Record<AllergenCode, string>;
  diets: Record<DietCode, string>;
}
