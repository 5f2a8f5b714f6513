import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { zh } from './zh';
import { adminEn } from './admin.en';
import { adminEs } from './admin.es';
import { adminZh } from './admin.zh';
import { youthEn } from './youth.en';
import { youthEs } from './youth.es';
import { youthZh } from './youth.zh';

function leaves(o: object, prefix = ''): Record<string, string> {
  return Object.entries(o).reduce<Record<string, string>>((acc, [k, v]) => (typeof v === 'string' ? { ...acc, [prefix + k]: v } : { ...acc, ...leaves(v, `${prefix}${k}.`) }), {});
}
const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('locales (the same as the notifications: en, es, zh)', () => {
  const base = leaves(en);
  for (const [name, messages] of Object.entries({ es, zh })) {
    it(`${name} has every English key, none empty, with the same placeholders`, () => {
      const mine = leaves(messages);
      expect(Object.keys(mine).sort()).toEqual(Object.keys(base).sort());
      for (const [k, v] of Object.entries(mine)) {
        expect(v.trim(), k).not.toBe('');
        expect(placeholders(v), k).toEqual(placeholders(base[k]));
      }
    });
  }
});

describe('youth and admin locale modules (merged into the resources as `youth` and `admin`)', () => {
  for (const [module, base, others] of [['youth', youthEn, { es: youthEs, zh: youthZh }], ['admin', adminEn, { es: adminEs, zh: adminZh }]] as const) {
    const ref = leaves(base);
    for (const [name, messages] of Object.entries(others)) {
      it(`${module}.${name} has every English key, none empty, with the same placeholders`, () => {
        const mine = leaves(messages);
        expect(Object.keys(mine).sort()).toEqual(Object.keys(ref).sort());
        for (const [k, v] of Object.entries(mine)) {
          expect(v.trim(), k).not.toBe('');
          expect(placeholders(v), k).toEqual(placeholders(ref[k]));
        }
      });
    }
  }
});
