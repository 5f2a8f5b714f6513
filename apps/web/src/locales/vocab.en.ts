import type { VocabularyLabels } from './vocab-codes';

/**
 * The labels of the coded vocabulary (pets, allergens, diets) in English, as `vocab.*`: the same codes as the API (the
 * record types come from the OpenAPI document, so a code without a label does not compile) and the same words as the
 * notifications' labels (libs/contracts/src/vocabulary/vocabulary-labels.ts).
 */
export const vocabEn: VocabularyLabels = {
  pets: {
    dog: 'Dog',
    cat: 'Cat',
    'other-furry': 'Other furry animal',
    bird: 'Bird',
    reptile: 'Reptile',
    fish: 'Fish',
    'farm-animals': 'Farm animals'
  },
  allergens: {
    dog: 'Dogs',
    cat: 'Cats',
    'other-furry': 'Other furry animals',
    bird: 'Birds',
    reptile: 'Reptiles',
    'farm-animals': 'Farm animals',
    'animal-dander': 'Any furred or feathered animal',
    peanut: 'Peanuts',
    'tree-nut': 'Tree nuts',
    gluten: 'Gluten',
    dairy: 'Dairy',
    egg: 'Eggs',
    fish: 'Fish (food)',
    shellfish: 'Shellfish',
    soy: 'Soy',
    sesame: 'Sesame',
    pollen: 'Pollen',
    'dust-mite': 'Dust mites',
    'insect-sting': 'Insect stings',
    latex: 'Latex',
    smoke: 'Smoke (needs a smoke-free home)'
  },
  diets: {
    vegetarian: 'Vegetarian',
    vegan: 'Vegan',
    pescatarian: 'Pescatarian',
    halal: 'Halal',
    kosher: 'Kosher',
    'gluten-free': 'Gluten-free',
    'dairy-free': 'Dairy-free',
    'nut-free': 'Nut-free',
    'no-pork': 'No pork',
    'no-beef': 'No beef'
  }
};
