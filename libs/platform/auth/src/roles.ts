/** Roles a user holds in one organisation (a membership). */
export const ROLES = ['admin', 'coordinator', 'youth-manager', 'host'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
