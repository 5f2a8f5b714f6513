import { codeFreeText } from './free-text-coding';
import { ALLERGEN_CODES, DIET_CODES, hasPetAllergen, PET_CODES, petsRuledOut, requiresSmokeFreeHome } from './vocabulary';
import { VOCABULARY_LABELS, VOCABULARY_LOCALES, vocabularyLabel } from './vocabulary-labels';

describe('coded vocabulary', () => {
  it('has a non-empty label for every code in every shipped locale', () => {
    for (const locale of VOCABULARY_LOCALES) {
      const l = VOCABULARY_LABELS[locale];
      for (const c of PET_CODES) expect(l.pets[c]?.trim()).toBeTruthy();
      for (const c of ALLERGEN_CODES) expect(l.allergens[c]?.trim()).toBeTruthy();
      for (const c of DIET_CODES) expect(l.diets[c]?.trim()).toBeTruthy();
    }
    expect(vocabularyLabel('diets', 'halal', 'es-MX')).toBe('Halal');
    expect(vocabularyLabel('allergens', 'peanut', 'zh-Hans-CN')).toBe('花生');
    expect(vocabularyLabel('pets', 'dog', 'fr')).toBe('Dog');
  });

  it('compares meanings: a dog allergy rules out a dog, dander rules out every furred or feathered pet, never the fish', () => {
    expect(petsRuledOut(['dog'], ['dog'])).toEqual(['dog']);
    expect(petsRuledOut(['cat'], ['dog'])).toEqual([]);
    expect(petsRuledOut(['animal-dander'], ['fish', 'bird', 'reptile'])).toEqual(['bird']);
    expect(petsRuledOut(['fish', 'peanut'], ['fish'])).toEqual([]);
    expect(hasPetAllergen(['peanut'])).toBe(false);
    expect(hasPetAllergen(['peanut', 'cat'])).toBe(true);
    expect(requiresSmokeFreeHome(['smoke'])).toBe(true);
  });
});

describe('codeFreeText (migrating what was written before the codes)', () => {
  it('codes "dog hair" as the dog allergen, and "cats, dogs" as both', () => {
    expect(codeFreeText('allergens', 'dog hair')).toEqual({ codes: ['dog'], note: '', uncoded: [] });
    expect(codeFreeText('allergens', 'cats, dogs').codes).toEqual(['cat', 'dog']);
    expect(codeFreeText('allergens', 'Allergic to cats; pet dander').codes).toEqual(['cat', 'animal-dander']);
  });

  it('keeps a bracketed detail in the note without flagging it', () => {
    expect(codeFreeText('allergens', 'Peanuts (anaphylaxis, carries an EpiPen)')).toEqual({ codes: ['peanut'], note: 'peanuts: anaphylaxis, carries an EpiPen', uncoded: [] });
  });

  it('leaves an unknown word in the note and lists it as uncoded', () => {
    const r = codeFreeText('allergens', 'penicillin, shrimp');
    expect(r.codes).toEqual(['shellfish']);
    expect(r.uncoded).toEqual(['penicillin']);
    expect(r.note).toBe('penicillin');
  });

  it('codes diets and pets, and ignores empty and "none"', () => {
    expect(codeFreeText('diets', 'Vegetarian; no pork').codes).toEqual(['vegetarian', 'no-pork']);
    expect(codeFreeText('pets', 'Dogs, goldfish, chickens').codes).toEqual(['dog', 'fish', 'farm-animals']);
    expect(codeFreeText('allergens', ' none ')).toEqual({ codes: [], note: '', uncoded: [] });
    expect(codeFreeText('allergens', '')).toEqual({ codes: [], note: '', uncoded: [] });
  });
});
