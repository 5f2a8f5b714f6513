import { AllergenCode, DietCode, PetCode, VocabularyKind } from './vocabulary';

export const VOCABULARY_LOCALES = ['en', 'es', 'zh'] as const;
export type VocabularyLocale = (typeof VOCABULARY_LOCALES)[number];

interface KindLabels {
  pets: Record<PetCode, string>;
  allergens: Record<AllergenCode, string>;
  diets: Record<DietCode, string>;
}

/**
 * The label of every code in every shipped locale (the web app's and the notification templates' languages). The
 * record types make a missing label a compile error; a unit test checks that no label is empty.
 */
export const VOCABULARY_LABELS: Record<VocabularyLocale, KindLabels> = {
  en: {
    pets: { dog: 'Dog', cat: 'Cat', 'other-furry': 'Other furry animal', bird: 'Bird', reptile: 'Reptile', fish: 'Fish', 'farm-animals': 'Farm animals' },
    allergens: {
      dog: 'Dogs', cat: 'Cats', 'other-furry': 'Other furry animals', bird: 'Birds', reptile: 'Reptiles', 'farm-animals': 'Farm animals', 'animal-dander': 'Any furred or feathered animal',
      peanut: 'Peanuts', 'tree-nut': 'Tree nuts', gluten: 'Gluten', dairy: 'Dairy', egg: 'Eggs', fish: 'Fish (food)', shellfish: 'Shellfish', soy: 'Soy', sesame: 'Sesame',
      pollen: 'Pollen', 'dust-mite': 'Dust mites', 'insect-sting': 'Insect stings', latex: 'Latex', smoke: 'Smoke (needs a smoke-free home)',
    },
    diets: {
      vegetarian: 'Vegetarian', vegan: 'Vegan', pescatarian: 'Pescatarian', halal: 'Halal', kosher: 'Kosher', 'gluten-free': 'Gluten-free', 'dairy-free': 'Dairy-free',
      'nut-free': 'Nut-free', 'no-pork': 'No pork', 'no-beef': 'No beef',
    },
  },
  es: {
    pets: { dog: 'Perro', cat: 'Gato', 'other-furry': 'Otro animal con pelo', bird: 'Pájaro', reptile: 'Reptil', fish: 'Peces', 'farm-animals': 'Animales de granja' },
    allergens: {
      dog: 'Perros', cat: 'Gatos', 'other-furry': 'Otros animales con pelo', bird: 'Pájaros', reptile: 'Reptiles', 'farm-animals': 'Animales de granja', 'animal-dander': 'Cualquier animal con pelo o plumas',
      peanut: 'Cacahuetes', 'tree-nut': 'Frutos secos', gluten: 'Gluten', dairy: 'Lácteos', egg: 'Huevos', fish: 'Pescado (alimento)', shellfish: 'Mariscos', soy: 'Soja', sesame: 'Sésamo',
      pollen: 'Polen', 'dust-mite': 'Ácaros del polvo', 'insect-sting': 'Picaduras de insectos', latex: 'Látex', smoke: 'Humo (necesita un hogar sin humo)',
    },
    diets: {
      vegetarian: 'Vegetariana', vegan: 'Vegana', pescatarian: 'Pescetariana', halal: 'Halal', kosher: 'Kosher', 'gluten-free': 'Sin gluten', 'dairy-free': 'Sin lácteos',
      'nut-free': 'Sin frutos secos', 'no-pork': 'Sin cerdo', 'no-beef': 'Sin ternera',
    },
  },
  zh: {
    pets: { dog: '狗', cat: '猫', 'other-furry': '其他有毛动物', bird: '鸟', reptile: '爬行动物', fish: '鱼', 'farm-animals': '农场动物' },
    allergens: {
      dog: '狗', cat: '猫', 'other-furry': '其他有毛动物', bird: '鸟', reptile: '爬行动物', 'farm-animals': '农场动物', 'animal-dander': '任何有毛或有羽毛的动物',
      peanut: '花生', 'tree-nut': '坚果', gluten: '麸质', dairy: '乳制品', egg: '鸡蛋', fish: '鱼（食物）', shellfish: '贝类海鲜', soy: '大豆', sesame: '芝麻',
      pollen: '花粉', 'dust-mite': '尘螨', 'insect-sting': '昆虫叮咬', latex: '乳胶', smoke: '烟雾（需要无烟家庭）',
    },
    diets: {
      vegetarian: '素食', vegan: '纯素', pescatarian: '鱼素', halal: '清真', kosher: '犹太洁食', 'gluten-free': '无麸质', 'dairy-free': '无乳制品',
      'nut-free': '无坚果', 'no-pork': '不吃猪肉', 'no-beef': '不吃牛肉',
    },
  },
};

/** A language tag's shipped locale: the tag, else its base language, else English (as the notification templates resolve). */
export function vocabularyLocale(tag: string | null | undefined): VocabularyLocale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (VOCABULARY_LOCALES as readonly string[]).includes(base) ? (base as VocabularyLocale) : 'en';
}

/** The label of one code in a language (the code itself when it is not in the vocabulary). */
export function vocabularyLabel(kind: VocabularyKind, code: string, language?: string | null): string {
  const labels = VOCABULARY_LABELS[vocabularyLocale(language)][kind] as Record<string, string>;
  return labels[code] ?? code;
}
