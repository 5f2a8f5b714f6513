import { AuthenticatedUser } from './authenticated-user';
import { Role } from './roles';

/** Kinds of data about people that only some roles may see. */
export const SENSITIVE_FIELDS = ['medicalNotes', 'allergies', 'dietaryNeeds', 'emergencyContacts', 'guardianContacts', 'backgroundCheckResults'] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

/**
 * How the caller relates to the record: its organisation owns it; its organisation is the partner
 * of a shared delegation; or the caller is the host of this very guest.
 */
export const RELATIONS = ['owner', 'partner', 'host-of-guest'] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * THE rule (the README's table is checked against it): which roles see which field, per relation.
 * Medical notes, guardians' contacts and background-check results: youth managers and admins of the
 * owning organisation only. Allergies and diet: also coordinators (owner and partner) and the host
 * of that guest. Emergency contacts: youth managers, admins and coordinators of the owner, and the
 * partner's coordinators during a shared visit.
 */
export const SENSITIVE_FIELD_RULES: Record<SensitiveField, Partial<Record<Relation, readonly Role[]>>> = {
  medicalNotes: { owner: ['youth-manager', 'admin'] },
  allergies: { owner: ['youth-manager', 'admin', 'coordinator'], partner: ['coordinator'], 'host-of-guest': ['host'] },
  dietaryNeeds: { owner: ['youth-manager', 'admin', 'coordinator'], partner: ['coordinator'], 'host-of-guest': ['host'] },
  emergencyContacts: { owner: ['youth-manager', 'admin', 'coordinator'], partner: ['coordinator'] },
  guardianContacts: { owner: ['youth-manager', 'admin'] },
  backgroundCheckResults: { owner: ['youth-manager', 'admin'] },
};

export function maySee(user: Pick<AuthenticatedUser, 'roles'>, relation: Relation | null, field: SensitiveField): boolean {
  if (!relation) return false;
  const allowed = SENSITIVE_FIELD_RULES[field][relation] ?? [];
  return user.roles.some((r) => allowed.includes(r));
}

/**
 * Returns a copy of `record` without the sensitive properties the caller may not see.
 * `fields` maps the record's property names to their sensitive kind.
 */
export function redact<T extends object>(user: Pick<AuthenticatedUser, 'roles'>, relation: Relation | null, record: T, fields: Partial<Record<keyof T, SensitiveField>>): Partial<T> {
  const out: Partial<T> = { ...record };
  for (const [prop, kind] of Object.entries(fields) as [keyof T, SensitiveField][]) {
    if (!maySee(user, relation, kind)) delete out[prop];
  }
  return out;
}
