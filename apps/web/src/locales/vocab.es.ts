import type { VocabularyLabels } from './vocab-codes';

/** The vocabulary's labels in Spanish (same keys as vocab.en.ts; a unit test checks). */
export const vocabEs: VocabularyLabels = {
  pets: {
    dog: 'Perro',
    cat: 'Gato',
    'other-furry': 'Otro animal con pelo',
    bird: 'Pájaro',
    reptile: 'Reptil',
    fish: 'Peces',
    'farm-animals': 'Animales de granja'
  },
  allergens: {
    dog: 'Perros',
    cat: 'Gatos',
    'other-furry': 'Otros animales con pelo',
    bird: 'Pájaros',
    reptile: 'Reptiles',
    'farm-animals': 'Animales de granja',
    'animal-dander': 'Cualquier animal con pelo o plumas',
    peanut: 'Cacahuetes',
    'tree-nut': 'Frutos secos',
    gluten: 'Gluten',
    dairy: 'Lácteos',
    egg: 'Huevos',
    fish: 'Pescado (alimento)',
    shellfish: 'Mariscos',
    soy: 'Soja',
    sesame: 'Sésamo',
    pollen: 'Polen',
    'dust-mite': 'Ácaros del polvo',
    'insect-sting': 'Picaduras de insectos',
    latex: 'Látex',
    smoke: 'Humo (necesita un hogar sin humo)'
  },
  diets: {
    vegetarian: 'Vegetariana',
    vegan: 'Vegana',
    pescatarian: 'Pescetariana',
    halal: 'Halal',
    kosher: 'Kosher',
    'gluten-free': 'Sin gluten',
    'dairy-free': 'Sin lácteos',
    'nut-free': 'Sin frutos secos',
    'no-pork': 'Sin cerdo',
    'no-beef': 'Sin ternera'
  }
};
