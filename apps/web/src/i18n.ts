import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { es } from './locales/es';
import { zh } from './locales/zh';
import { hostEn } from './locales/host.en';
import { hostEs } from './locales/host.es';
import { hostZh } from './locales/host.zh';
import { travelEn } from './locales/travel.en';
import { travelEs } from './locales/travel.es';
import { travelZh } from './locales/travel.zh';
import { adminEn } from './locales/admin.en';
import { adminEs } from './locales/admin.es';
import { adminZh } from './locales/admin.zh';
import { youthEn } from './locales/youth.en';
import { youthEs } from './locales/youth.es';
import { youthZh } from './locales/youth.zh';
import { delegationEn } from './locales/delegation.en';
import { delegationEs } from './locales/delegation.es';
import { delegationZh } from './locales/delegation.zh';
import { vocabEn } from './locales/vocab.en';
import { vocabEs } from './locales/vocab.es';
import { vocabZh } from './locales/vocab.zh';

/** The same locales as the notifications (apps/notifications/templates). */
export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
  { value: 'zh', label: '中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['value'];
const KEY = 'twinning.language';

export function detectLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(KEY);
  const wanted = [saved, ...(globalThis.navigator?.languages ?? [])].filter(Boolean) as string[];
  for (const w of wanted) {
    const base = w.toLowerCase().split('-')[0];
    const hit = LANGUAGES.find((l) => l.value === base);
    if (hit) return hit.value;
  }
  return 'en';
}

export function createI18n(lng: Language = detectLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, youth: youthEn, admin: adminEn } },
      es: { translation: { ...es, youth: youthEs, admin: adminEs } },
      zh: { translation: { ...zh, youth: youthZh, admin: adminZh } },
    },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  // the host-family and travel screens' strings (locales/host.*.ts, travel.*.ts) as `host.*` and `travel.*`
  for (const [l, host, travel] of [['en', hostEn, travelEn], ['es', hostEs, travelEs], ['zh', hostZh, travelZh]] as const) instance.addResourceBundle(l, 'translation', { host, travel }, true, true);
  // the coordinator's delegation screens (locales/delegation.*.ts) merged into `delegation.*` beside the common strings there
  for (const [l, delegation] of [['en', delegationEn], ['es', delegationEs], ['zh', delegationZh]] as const) instance.addResourceBundle(l, 'translation', { delegation }, true, false);
  // the coded vocabulary's labels (locales/vocab.*.ts) as `vocab.pets.*`, `vocab.allergens.*`, `vocab.diets.*`
  for (const [l, vocab] of [['en', vocabEn], ['es', vocabEs], ['zh', vocabZh]] as const) instance.addResourceBundle(l, 'translation', { vocab }, true, true);
  instance.on('languageChanged', (l) => {
    globalThis.localStorage?.setItem(KEY, l);
    if (globalThis.document) document.documentElement.lang = l === 'zh' ? 'zh-Hans' : l;
  });
  return instance;
}
