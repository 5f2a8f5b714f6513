import type { VocabularyLabels } from './vocab-codes';

/** The vocabulary's labels in Simplified Chinese (same keys as vocab.en.ts; a unit test checks). */
export const vocabZh: VocabularyLabels = {
  pets: {
    dog: '狗',
    cat: '猫',
    'other-furry': '其他有毛动物',
    bird: '鸟',
    reptile: '爬行动物',
    fish: '鱼',
    'farm-animals': '农场动物'
  },
  allergens: {
    dog: '狗',
    cat: '猫',
    'other-furry': '其他有毛动物',
    bird: '鸟',
    reptile: '爬行动物',
    'farm-animals': '农场动物',
    'animal-dander': '任何有毛或有羽毛的动物',
    peanut: '花生',
    'tree-nut': '坚果',
    gluten: '麸质',
    dairy: '乳制品',
    egg: '鸡蛋',
    fish: '鱼（食物）',
    shellfish: '贝类海鲜',
    soy: '大豆',
    sesame: '芝麻',
    pollen: '花粉',
    'dust-mite': '尘螨',
    'insect-sting': '昆虫叮咬',
    latex: '乳胶',
    smoke: '烟雾（需要无烟家庭）'
  },
  diets: {
    vegetarian: '素食',
    vegan: '纯素',
    pescatarian: '鱼素',
    halal: '清真',
    kosher: '犹太洁食',
    'gluten-free': '无麸质',
    'dairy-free': '无乳制品',
    'nut-free': '无坚果',
    'no-pork': '不吃猪肉',
    'no-beef': '不吃牛肉'
  }
};
