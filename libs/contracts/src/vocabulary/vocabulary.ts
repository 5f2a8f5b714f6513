/**
 * The coded vocabulary of pets, allergens and diets. Rules compare these codes, never free text: a free-text
 * note may go with each list, for people to read, and no rule ever reads it. Codes are stable (stored, on topics,
 * in the API); their labels in every shipped locale are in vocabulary-labels.ts.
 */
export const PET_CODES = ['dog', 'cat', 'other-furry', 'bird', 'reptile', 'fish', 'farm-animals'] as const;
export type PetCode = (typeof PET_CODES)[number];

export const ALLERGEN_CODES = [
  'dog', 'cat', 'other-furry', 'bird', 'reptile', 'farm-animals', 'animal-dander',
  'peanut', 'tree-nut', 'gluten', 'dairy', 'egg', 'fish', 'shellfish', 'soy', 'sesame',
  'pollen', 'dust-mite', 'insect-sting', 'latex', 'smoke',
] as const;
export type AllergenCode = (typeof ALLERGEN_CODES)[number];

export const DIET_CODES = ['vegetarian', 'vegan', 'pescatarian', 'halal', 'kosher', 'gluten-free', 'dairy-free', 'nut-free', 'no-pork', 'no-beef'] as const;
export type DietCode = (typeof DIET_CODES)[number];

export type VocabularyKind = 'pets' | 'allergens' | 'diets';

export const VOCABULARY: { readonly [K in VocabularyKind]: readonly string[] } = { pets: PET_CODES, allergens: ALLERGEN_CODES, diets: DIET_CODES };

/**
 * The pets each allergen rules out of the guest's home. `animal-dander` is every pet with fur or feathers. `fish`
 * is the food allergy: an aquarium sheds nothing a person eats or breathes, so no pet is ruled out by it.
 */
export const ALLERGEN_PETS: { readonly [A in AllergenCode]: readonly PetCode[] } = {
  dog: ['dog'], cat: ['cat'], 'other-furry': ['other-furry'], bird: ['bird'], reptile: ['reptile'], 'farm-animals': ['farm-animals'],
  'animal-dander': ['dog', 'cat', 'other-furry', 'bird', 'farm-animals'],
  peanut: [], 'tree-nut': [], gluten: [], dairy: [], egg: [], fish: [], shellfish: [], soy: [], sesame: [], pollen: [], 'dust-mite': [], 'insect-sting': [], latex: [], smoke: [],
};

/** Allergens that need a smoke-free home. */
export const SMOKE_FREE_ALLERGENS: readonly AllergenCode[] = ['smoke'];

export function isPetCode(s: string): s is PetCode {
  return (PET_CODES as readonly string[]).includes(s);
}

export function isAllergenCode(s: string): s is AllergenCode {
  return (ALLERGEN_CODES as readonly string[]).includes(s);
}

/** The pets among `pets` that one of `allergens` rules out. */
export function petsRuledOut(allergens: readonly string[], pets: readonly string[]): PetCode[] {
  const out = new Set<PetCode>();
  for (const a of allergens) if (isAllergenCode(a)) for (const p of ALLERGEN_PETS[a]) if (pets.includes(p)) out.add(p);
  return [...out];
}

/** Whether an allergen list concerns pets at all (some pet kind is ruled out by one of them). */
export function hasPetAllergen(allergens: readonly string[]): boolean {
  return allergens.some((a) => isAllergenCode(a) && ALLERGEN_PETS[a].length > 0);
}

export function requiresSmokeFreeHome(allergens: readonly string[]): boolean {
  return allergens.some((a) => (SMOKE_FREE_ALLERGENS as readonly string[]).includes(a));
}
