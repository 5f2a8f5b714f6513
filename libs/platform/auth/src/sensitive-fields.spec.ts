import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ForbiddenException } from '@nestjs/common';
import { assertMayWrite, forbiddenWrites, maySee, mayWrite, redact, relationsTo, RELATIONS, SENSITIVE_FIELD_RULES, SENSITIVE_FIELDS, writersOf } from './sensitive-fields';
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

  it('names every relation of the caller to a record: owner, else partner when shared, and host of the guest', () => {
    const me = { organisationId: 'org-a', userId: 'u1' };
    expect(relationsTo(me, { ownerOrganisationId: 'org-a' })).toEqual(['owner']);
    expect(relationsTo(me, { ownerOrganisationId: 'org-b', sharedWithCaller: true, hostUserIds: ['u1'] })).toEqual(['partner', 'host-of-guest']);
    expect(relationsTo(me, { ownerOrganisationId: 'org-b', hostUserIds: ['u2'] })).toEqual([]);
    expect(relationsTo(me, { ownerOrganisationId: null, hostUserIds: ['u1'] })).toEqual(['host-of-guest']);
  });

  it('lets a caller in several relations see what any of them allows', () => {
    expect(maySee({ roles: ['admin', 'host'] }, ['partner', 'host-of-guest'], 'allergies')).toBe(true);
    expect(maySee({ roles: ['admin', 'host'] }, ['partner'], 'allergies')).toBe(false);
    expect(maySee({ roles: ['admin'] }, [], 'allergies')).toBe(false);
  });

  it('derives every write from the read table: owner only, never wider than reading, consent recorded by youth managers and admins', () => {
    for (const field of SENSITIVE_FIELDS) {
      for (const relation of [...RELATIONS, null]) {
        for (const role of ROLES) {
          const user = { roles: [role] };
          const expected = relation === 'owner' && maySee(user, 'owner', field) && (field !== 'guardianConsent' || role === 'youth-manager' || role === 'admin');
          expect({ field, relation, role, write: mayWrite(user, relation, field) }).toEqual({ field, relation, role, write: expected });
          if (mayWrite(user, relation, field)) expect(maySee(user, relation, field)).toBe(true);
        }
      }
    }
    // what the coordinator of the owner may and may not write, spelt out
    const coordinator = { roles: ['coordinator' as const] };
    expect(['medicalNotes', 'guardianContacts', 'guardianConsent', 'backgroundCheckResults'].map((f) => mayWrite(coordinator, 'owner', f as never))).toEqual([false, false, false, false]);
    expect(['allergies', 'dietaryNeeds', 'emergencyContacts'].map((f) => mayWrite(coordinator, 'owner', f as never))).toEqual([true, true, true]);
    expect(maySee(coordinator, 'owner', 'guardianConsent')).toBe(true);
    expect(mayWrite({ roles: ['coordinator'] }, 'partner', 'allergies')).toBe(false);
    expect(mayWrite({ roles: ['host'] }, 'host-of-guest', 'allergies')).toBe(false);
    expect(writersOf('guardianConsent')).toEqual(['youth-manager', 'admin']);
  });

  it('names each present field the caller may not write, and refuses the whole write with 403', () => {
    const fields = { medicalNotes: 'medicalNotes', allergies: 'allergies', guardians: ['guardianContacts', 'guardianConsent'] } as const;
    const input: { givenName?: string; medicalNotes?: string; allergies?: string; guardians?: unknown[] } = { givenName: 'Lin', medicalNotes: '', allergies: 'peanuts', guardians: [] };
    expect(forbiddenWrites({ roles: ['coordinator'] }, 'owner', input, fields)).toEqual([
      { field: 'medicalNotes', kinds: ['medicalNotes'] }, { field: 'guardians', kinds: ['guardianContacts', 'guardianConsent'] },
    ]);
    expect(forbiddenWrites({ roles: ['youth-manager'] }, 'owner', input, fields)).toEqual([]);
    expect(forbiddenWrites({ roles: ['coordinator'] }, 'owner', { givenName: 'Lin', allergies: undefined }, fields)).toEqual([]);
    expect(() => assertMayWrite({ roles: ['youth-manager'] }, 'owner', input, fields)).not.toThrow();
    try {
      assertMayWrite({ roles: ['coordinator'] }, 'owner', input, fields);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(ForbiddenException);
      const body = (e as ForbiddenException).getResponse() as { code: string; fields: { field: string }[] };
      expect((e as ForbiddenException).getStatus()).toBe(403);
      expect(body.code).toBe('AUTH.FIELD_NOT_WRITABLE');
      expect(body.fields.map((f) => f.field)).toEqual(['medicalNotes', 'guardians']);
    }
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
      const roles = (cell: string) => (cell === '—' ? [] : cell.split(',').map((r) => r.trim()).sort());
      documented[field] = { ...Object.fromEntries(RELATIONS.map((rel, i) => [rel, roles(cells[i + 1])])), write: roles(cells[RELATIONS.length + 1]) };
    }
    const coded = Object.fromEntries(
      SENSITIVE_FIELDS.map((f) => [f, { ...Object.fromEntries(RELATIONS.map((rel) => [rel, [...(SENSITIVE_FIELD_RULES[f][rel] ?? [])].sort()])), write: writersOf(f).sort() }]),
    );
    expect(documented).toEqual(coded);
    for (const roles of Object.values(coded).flatMap((r) => Object.values(r))) for (const r of roles) expect(ROLES).toContain(r);
  });
});
