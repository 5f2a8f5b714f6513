import { VocabularyKind } from './vocabulary';

/**
 * Words people wrote before the vocabulary existed, and the code each one means. Used once, to migrate stored free
 * text (and to read old events written before the codes), never to drive a rule at run time. A word that is not
 * here stays in the note and is flagged for a youth manager to code.
 */
const SYNONYMS: { readonly [K in VocabularyKind]: Readonly<Record<string, string>> } = {
  allergens: {
    dog: 'dog', 'dog hair': 'dog', 'dog dander': 'dog', 'dog fur': 'dog', canine: 'dog', pupp: 'dog', puppy: 'dog',
    cat: 'cat', 'cat hair': 'cat', 'cat dander': 'cat', 'cat fur': 'cat', feline: 'cat', kitten: 'cat',
    rabbit: 'other-furry', hamster: 'other-furry', 'guinea pig': 'other-furry', ferret: 'other-furry', mouse: 'other-furry', mice: 'other-furry', rat: 'other-furry',
    gerbil: 'other-furry', chinchilla: 'other-furry', rodent: 'other-furry', 'other furry animal': 'other-furry',
    bird: 'bird', feather: 'bird', parrot: 'bird', budgie: 'bird',
    reptile: 'reptile', snake: 'reptile', lizard: 'reptile', turtle: 'reptile', tortoise: 'reptile', gecko: 'reptile',
    horse: 'farm-animals', 'horse hair': 'farm-animals', cow: 'farm-animals', goat: 'farm-animals', sheep: 'farm-animals', livestock: 'farm-animals', 'farm animal': 'farm-animals',
    'animal dander': 'animal-dander', 'pet dander': 'animal-dander', dander: 'animal-dander', animal: 'animal-dander', pet: 'animal-dander', fur: 'animal-dander',
    'animal hair': 'animal-dander', 'pet hair': 'animal-dander', 'any furred or feathered animal': 'animal-dander',
    peanut: 'peanut', groundnut: 'peanut',
    'tree nut': 'tree-nut', nut: 'tree-nut', almond: 'tree-nut', cashew: 'tree-nut', walnut: 'tree-nut', hazelnut: 'tree-nut', pecan: 'tree-nut', pistachio: 'tree-nut',
    gluten: 'gluten', wheat: 'gluten', coeliac: 'gluten', celiac: 'gluten', 'coeliac disease': 'gluten', 'celiac disease': 'gluten',
    dairy: 'dairy', milk: 'dairy', lactose: 'dairy', cheese: 'dairy',
    egg: 'egg',
    fish: 'fish', salmon: 'fish', tuna: 'fish', cod: 'fish',
    shellfish: 'shellfish', shrimp: 'shellfish', prawn: 'shellfish', crab: 'shellfish', lobster: 'shellfish', crustacean: 'shellfish', mussel: 'shellfish',
    soy: 'soy', soya: 'soy', sesame: 'sesame',
    pollen: 'pollen', 'hay fever': 'pollen', hayfever: 'pollen', grass: 'pollen', 'grass pollen': 'pollen', 'tree pollen': 'pollen',
    dust: 'dust-mite', 'dust mite': 'dust-mite', 'house dust': 'dust-mite',
    bee: 'insect-sting', wasp: 'insect-sting', 'bee sting': 'insect-sting', 'wasp sting': 'insect-sting', 'insect sting': 'insect-sting',
    latex: 'latex',
    // Asthma needed a smoke-free home under the free-text rule; it keeps that meaning.
    smoke: 'smoke', smoking: 'smoke', 'cigarette smoke': 'smoke', cigarette: 'smoke', tobacco: 'smoke', 'tobacco smoke': 'smoke', asthma: 'smoke',
  },
  pets: {
    dog: 'dog', puppy: 'dog', cat: 'cat', kitten: 'cat',
    rabbit: 'other-furry', hamster: 'other-furry', 'guinea pig': 'other-furry', ferret: 'other-furry', mouse: 'other-furry', mice: 'other-furry', rat: 'other-furry',
    gerbil: 'other-furry', chinchilla: 'other-furry', 'other furry animal': 'other-furry',
    bird: 'bird', parrot: 'bird', budgie: 'bird', canary: 'bird',
    reptile: 'reptile', snake: 'reptile', lizard: 'reptile', turtle: 'reptile', tortoise: 'reptile', gecko: 'reptile',
    fish: 'fish', goldfish: 'fish', aquarium: 'fish',
    horse: 'farm-animals', chicken: 'farm-animals', hen: 'farm-animals', goat: 'farm-animals', sheep: 'farm-animals', cow: 'farm-animals', pig: 'farm-animals',
    'farm animal': 'farm-animals', livestock: 'farm-animals',
  },
  diets: {
    vegetarian: 'vegetarian', veggie: 'vegetarian', 'lacto-ovo vegetarian': 'vegetarian', vegan: 'vegan', pescatarian: 'pescatarian', pescetarian: 'pescatarian',
    halal: 'halal', kosher: 'kosher',
    'gluten-free': 'gluten-free', 'gluten free': 'gluten-free', 'no gluten': 'gluten-free', coeliac: 'gluten-free', celiac: 'gluten-free',
    'dairy-free': 'dairy-free', 'dairy free': 'dairy-free', 'no dairy': 'dairy-free', 'lactose-free': 'dairy-free', 'lactose free': 'dairy-free', 'lactose intolerant': 'dairy-free',
    'nut-free': 'nut-free', 'nut free': 'nut-free', 'no nuts': 'nut-free', 'peanut-free': 'nut-free',
    'no pork': 'no-pork', 'no-pork': 'no-pork', 'no beef': 'no-beef', 'no-beef': 'no-beef',
  },
};

/** What coding a free text gave: the codes recognised, the note (what was not, and any detail in brackets), and whether anything was left uncoded. */
export interface CodedText {
  codes: string[];
  note: string;
  /** entries that are no code: a person must read the note and code it */
  uncoded: string[];
}

function lookup(kind: VocabularyKind, entry: string): string | undefined {
  const table = SYNONYMS[kind];
  let e = entry;
  if (kind !== 'diets') e = e.replace(/^(allergic to|allergy to|allergies to)\s+/, '');
  e = e.replace(/\s+(allergy|allergies|intolerance)$/, '').trim();
  const tries = [e, e.replace(/ies$/, 'y'), e.replace(/es$/, ''), e.replace(/s$/, '')];
  for (const t of tries) if (table[t] !== undefined) return table[t];
  return undefined;
}

/** Splits on commas, semicolons, slashes, newlines, "and" and "&", but not inside brackets ("peanuts (anaphylaxis, EpiPen)" is one entry). */
function splitOutsideBrackets(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;/\r\n&]/.test(ch)) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.flatMap((e) => e.split(/\s+and\s+(?![^(]*\))/i));
}

/**
 * Codes a free-text list ("Cats, dog hair; peanuts (anaphylaxis)"): split on commas, semicolons, slashes, "and"
 * and newlines; each entry lower-cased and trimmed; a bracketed detail is kept in the note. An entry that is no
 * known word stays in the note, listed in `uncoded`.
 */
export function codeFreeText(kind: VocabularyKind, text: string | null | undefined): CodedText {
  const codes: string[] = [];
  const notes: string[] = [];
  const uncoded: string[] = [];
  for (const raw of splitOutsideBrackets(text ?? '')) {
    const entry = raw.trim();
    if (!entry) continue;
    const detail = /\(([^)]*)\)/.exec(entry)?.[1]?.trim();
    const main = entry.replace(/\([^)]*\)/g, ' ').toLowerCase().replace(/\s+/g, ' ').trim();
    if (!main || main === 'none' || main === 'n/a') continue;
    const code = lookup(kind, main);
    if (code === undefined) {
      uncoded.push(entry);
      notes.push(entry);
      continue;
    }
    if (!codes.includes(code)) codes.push(code);
    if (detail) notes.push(`${main}: ${detail}`);
  }
  return { codes, note: notes.join('; '), uncoded };
}
