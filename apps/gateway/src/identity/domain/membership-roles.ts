import { isRole, Role, ROLES } from '@twinning/platform-auth';
import { IdentityError } from './identity-error';

/** Roles as a set in the canonical order of ROLES; refuses an empty or unknown role. */
export function normaliseRoles(roles: readonly string[]): Role[] {
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) throw new IdentityError('invalid', 'IDENTITY.UNKNOWN_ROLE', `unknown role(s): ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`, 'roles');
  const set = new Set(roles);
  const out = ROLES.filter((r) => set.has(r));
  if (!out.length) throw new IdentityError('invalid', 'IDENTITY.ROLES_REQUIRED', 'a member needs at least one role: to take every role away, remove the member', 'roles');
  return out;
}

/**
 * An organisation always keeps at least one admin: changing a member's roles may not take the
 * admin role away from the last member who holds it.
 */
export function assertKeepsAnAdmin(adminUserIds: readonly string[], userId: string, newRoles: readonly Role[]): void {
  const losesAdmin = adminUserIds.includes(userId) && !newRoles.includes('admin');
  if (losesAdmin && adminUserIds.length <= 1) {
    throw new IdentityError('conflict', 'IDENTITY.LAST_ADMIN', 'the organisation needs at least one admin: give another member the admin role first', 'roles');
  }
}
