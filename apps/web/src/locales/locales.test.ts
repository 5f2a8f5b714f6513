import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { zh } from './zh';
import { adminEn } from './admin.en';
import { adminEs } from './admin.es';
import { adminZh } from './admin.zh';
import { hostEn } from './host.en';
import { hostEs } from './host.es';
import { hostZh } from './host.zh';
import { travelEn } from './travel.en';
import { travelEs } from './travel.es';
import { travelZh } from './travel.zh';
import { youthEn } from './youth.en';
import { youthEs } from './youth.es';
import { youthZh } from './youth.zh';
import { delegationEn } from './delegation.en';
import { delegationEs } from './delegation.es';
import { delegationZh } from './delegation.zh';
import { vocabEn } from './vocab.en';
import { vocabEs } from './vocab.es';
import { vocabZh } from './vocab.zh';

function leaves(o: object, prefix = ''): Record<string, string> {
  return Object.entries(o).reduce<Record<string, string>>((acc, [k, v]) => (typeof v === 'string' ? { ...acc, [prefix + k]: v } : { ...acc, ...leaves(v, `${prefix}${k}.`) }), {});
}
const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

/** Every locale module (the same locales as the notifications: en, es, zh): the common strings and each area's. */
const MODULES = [
  ['common', en, { es, zh }],
  ['youth', youthEn, { es: youthEs, zh: youthZh }],
  ['admin', adminEn, { es: adminEs, zh: adminZh }],
  ['host', hostEn, { es: hostEs, zh: hostZh }],
  ['travel', travelEn, { es: travelEs, zh: travelZh }],
  ['delegation', delegationEn, { es: delegationEs, zh: delegationZh }],
  ['vocab', vocabEn, { es: vocabEs, zh: vocabZh }],
] as const;

describe('locales', () => {
  for (const [module, base, others] of MODULES) {
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
