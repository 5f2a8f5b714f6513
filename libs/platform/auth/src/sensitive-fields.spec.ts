import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maySee, redact, RELATIONS, SENSITIVE_FIELD_RULES, SENSITIVE_FIELDS } from './sensitive-fields';
import { ROLES } from './roles';

describe('sensitive fields', () => {
  it('keeps medical notes, guardians and background checks to youth managers and admins of the owner', () => {
    for (const field of ['medicalNotes', 'guardianContacts', 'backgroundCheckResults'] as const) {
      expect(maySee({ roles: ['youth-manager'] }, 'owner', field)).toBe(true);
      expect(maySee({ roles: ['admin'] }, 'owner', field)).toBe(true);
      expect(maySee({ roles: ['coordinator'] }, 'owner', field)).toBe(false);
      expect(maySee({ roles: ['youth-manager', 'admin'] }, 'partner', field)).toBe(false);
      expect(maySee({ roles: ['host'] }, 'host-of-guest', field)).toBe(false);
    }
  });

  it('lets coordinators and the guest’s own host see allergies and diet, nobody unrelated', () => {
    expect(maySee({ roles: ['coordinator'] }, 'owner', 'allergies')).toBe(true);
    expect(maySee({ roles: ['coordinator'] }, 'partner', 'dietaryNeeds')).toBe(true);
    expect(maySee({ roles: ['host'] }, 'host-of-guest', 'allergies')).toBe(true);
    expect(maySee({ roles: ['host'] }, 'owner', 'allergies')).toBe(false);
    expect(maySee({ roles: ['admin', 'youth-manager', 'coordinator', 'host'] }, null, 'allergies')).toBe(false);
  });

  it('redacts what the caller may not see and keeps the rest', () => {
    const participant = { name: 'Wang Fang', medical: 'asthma, inhaler', allergy: 'peanuts', diet: 'vegetarian' };
    const fields = { medical: 'medicalNotes', allergy: 'allergies', diet: 'dietaryNeeds' } as const;
    expect(redact({ roles: ['host'] }, 'host-of-guest', participant, fields)).toEqual({ name: 'Wang Fang', allergy: 'peanuts', diet: 'vegetarian' });
    expect(redact({ roles: ['coordinator'] }, 'owner', participant, fields)).toEqual({ name: 'Wang Fang', allergy: 'peanuts', diet: 'vegetarian' });
    expect(redact({ roles: ['youth-manager'] }, 'owner', participant, fields)).toEqual(participant);
    expect(redact({ roles: ['host'] }, null, participant, fields)).toEqual({ name: 'Wang Fang' });
  });

  it('is exactly the table written in the README', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
    const section = readme.split('<!-- sensitive-fields:start -->')[1]?.split('<!-- sensitive-fields:end -->')[0];
    expect(section).toBeDefined();
    const rows = section!.split('\n').filter((l) => l.startsWith('| `'));
    const documented: Record<string, Record<string, string[]>> = {};
    for (const row of rows) {
      const cells = row.split('|').slice(1, -1).map((c) => c.trim());
      const field = cells[0].replace(/`/g, '');
      documented[field] = Object.fromEntries(
        RELATIONS.map((rel, i) => [rel, cells[i + 1] === '—' ? [] : cells[i + 1].split(',').map((r) => r.trim()).sort()]),
      );
    }
    const coded = Object.fromEntries(
      SENSITIVE_FIELDS.map((f) => [f, Object.fromEntries(RELATIONS.map((rel) => [rel, [...(SENSITIVE_FIELD_RULES[f][rel] ?? [])].sort()]))]),
    );
    expect(documented).toEqual(coded);
    for (const roles of Object.values(coded).flatMap((r) => Object.values(r))) for (const r of roles) expect(ROLES).toContain(r);
  });
});
