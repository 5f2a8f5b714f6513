import { describe, expect, it } from 'vitest';
import { hostEn } from './host.en';
import { hostEs } from './host.es';
import { hostZh } from './host.zh';
import { travelEn } from './travel.en';
import { travelEs } from './travel.es';
import { travelZh } from './travel.zh';

// the host-family and travel modules (merged into the resources as `host` and `travel`), checked like locales.test.ts
function leaves(o: object, prefix = ''): Record<string, string> {
  return Object.entries(o).reduce<Record<string, string>>((acc, [k, v]) => (typeof v === 'string' ? { ...acc, [prefix + k]: v } : { ...acc, ...leaves(v, `${prefix}${k}.`) }), {});
}
const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('host and travel locale modules', () => {
  for (const [module, base, others] of [['host', hostEn, { es: hostEs, zh: hostZh }], ['travel', travelEn, { es: travelEs, zh: travelZh }]] as const) {
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
