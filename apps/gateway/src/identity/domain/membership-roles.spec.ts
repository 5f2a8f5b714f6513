import { assertKeepsAnAdmin, normaliseRoles } from './membership-roles';

describe('normaliseRoles', () => {
  it('dedupes and orders roles canonically', () => {
    expect(normaliseRoles(['host', 'admin', 'host'])).toEqual(['admin', 'host']);
  });

  it('refuses an unknown role and an empty set', () => {
    expect(() => normaliseRoles(['admin', 'superuser'])).toThrow(expect.objectContaining({ code: 'IDENTITY.UNKNOWN_ROLE' }));
    expect(() => normaliseRoles([])).toThrow(expect.objectContaining({ code: 'IDENTITY.ROLES_REQUIRED' }));
  });
});

describe('assertKeepsAnAdmin (the last-admin rule)', () => {
  it('refuses to take admin away from the only admin', () => {
    expect(() => assertKeepsAnAdmin(['u1'], 'u1', ['coordinator'])).toThrow(expect.objectContaining({ code: 'IDENTITY.LAST_ADMIN', kind: 'conflict' }));
  });

  it('lets the only admin keep admin while gaining other roles', () => {
    expect(() => assertKeepsAnAdmin(['u1'], 'u1', ['admin', 'coordinator'])).not.toThrow();
  });

  it('allows it when another admin remains', () => {
    expect(() => assertKeepsAnAdmin(['u1', 'u2'], 'u1', ['coordinator'])).not.toThrow();
  });

  it('does not concern members who are not admins', () => {
    expect(() => assertKeepsAnAdmin(['u1'], 'u3', ['host'])).not.toThrow();
  });
});
