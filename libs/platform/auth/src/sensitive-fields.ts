import { ForbiddenException } from '@nestjs/common';
import { AuthenticatedUser } from './authenticated-user';
import { Role } from './roles';

/** Kinds of data about people that only some roles may see (and write). */
export const SENSITIVE_FIELDS = ['medicalNotes', 'allergies', 'dietaryNeeds', 'emergencyContacts', 'guardianContacts', 'guardianConsent', 'backgroundCheckResults'] as const;
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
 * partner's coordinators during a shared visit. Guardian consent (given at, scope, expiry): every
 * member of staff who reads the participant, since whether consent is on file decides what may
 * happen to a minor. Who may write a field follows from this same table (see `mayWrite`).
 */
export const SENSITIVE_FIELD_RULES: Record<SensitiveField, Partial<Record<Relation, readonly Role[]>>> = {
  medicalNotes: { owner: ['youth-manager', 'admin'] },
  allergies: { owner: ['youth-manager', 'admin', 'coordinator'], partner: ['coordinator'], 'host-of-guest': ['host'] },
  dietaryNeeds: { owner: ['youth-manager', 'admin', 'coordinator'], partner: ['coordinator'], 'host-of-guest': ['host'] },
  emergencyContacts: { owner: ['youth-manager', 'admin', 'coordinator'], partner: ['coordinator'] },
  guardianContacts: { owner: ['youth-manager', 'admin'] },
  guardianConsent: { owner: ['youth-manager', 'admin', 'coordinator'], partner: ['youth-manager', 'admin', 'coordinator'] },
  backgroundCheckResults: { owner: ['youth-manager', 'admin'] },
};

/**
 * Every relation the caller has to a person's record, for `maySee`: its organisation owns the record; the record's
 * delegation is shared with the caller's organisation (partner); the caller is one of the guest's hosts. Each view of
 * a person in every service asks this one question rather than deciding that "staff of the organisation" may see.
 */
export function relationsTo(
  user: Pick<AuthenticatedUser, 'organisationId' | 'userId'>,
  record: { ownerOrganisationId: string | null | undefined; sharedWithCaller?: boolean; hostUserIds?: readonly string[] | null },
): Relation[] {
  const out: Relation[] = [];
  if (record.ownerOrganisationId && record.ownerOrganisationId === user.organisationId) out.push('owner');
  else if (record.sharedWithCaller) out.push('partner');
  if (record.hostUserIds?.includes(user.userId)) out.push('host-of-guest');
  return out;
}

/**
 * Whether the caller may see `field`. A caller can stand in several relations to one record (a partner's
 * coordinator who also hosts the guest): any relation that allows it is enough.
 */
export function maySee(user: Pick<AuthenticatedUser, 'roles'>, relation: Relation | readonly Relation[] | null, field: SensitiveField): boolean {
  if (!relation) return false;
  const relations: readonly Relation[] = typeof relation === 'string' ? [relation] : relation;
  return relations.some((rel) => {
    const allowed = SENSITIVE_FIELD_RULES[field][rel] ?? [];
    return user.roles.some((r) => allowed.includes(r));
  });
}

/**
 * Where writing is narrower than reading. Consent is given by the guardian; staff only record it from paper,
 * and recording it is what lets a minor travel, so it is for the youth managers and admins who answer for it,
 * not for every coordinator who needs to know whether it is on file.
 */
const RECORDED_ONLY_BY: Partial<Record<SensitiveField, readonly Role[]>> = {
  guardianConsent: ['youth-manager', 'admin'],
};

/**
 * Whether the caller may write `field`: derived from the read table, never wider. Only the owning organisation
 * writes a person's record (a partner or a host reads what it needs), there only the roles that may read the
 * field, narrowed by `RECORDED_ONLY_BY`. A field you may not read you may not write: otherwise a caller could
 * overwrite what they cannot see, or set it to a value they chose and so learn nothing but change everything.
 */
export function mayWrite(user: Pick<AuthenticatedUser, 'roles'>, relation: Relation | null, field: SensitiveField): boolean {
  if (relation !== 'owner' || !maySee(user, relation, field)) return false;
  const narrowed = RECORDED_ONLY_BY[field];
  return !narrowed || user.roles.some((r) => narrowed.includes(r));
}

/** The owner's roles that may write `field` (what the README's write column lists). */
export function writersOf(field: SensitiveField): Role[] {
  return (SENSITIVE_FIELD_RULES[field].owner ?? []).filter((role) => mayWrite({ roles: [role] }, 'owner', field));
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

/** A property of an input and the sensitive kinds writing it touches (a list replaced as a whole may touch several). */
export type SensitiveInputFields<T> = Partial<Record<keyof T & string, SensitiveField | readonly SensitiveField[]>>;

/** The properties present in `input` (not undefined) that touch a kind the caller may not write, with those kinds. */
export function forbiddenWrites<T extends object>(user: Pick<AuthenticatedUser, 'roles'>, relation: Relation | null, input: T, fields: SensitiveInputFields<T>): { field: string; kinds: SensitiveField[] }[] {
  const out: { field: string; kinds: SensitiveField[] }[] = [];
  for (const [prop, kind] of Object.entries(fields) as [keyof T & string, SensitiveField | readonly SensitiveField[]][]) {
    if (input[prop] === undefined) continue;
    const kinds = (typeof kind === 'string' ? [kind] : [...kind]).filter((k) => !mayWrite(user, relation, k));
    if (kinds.length) out.push({ field: prop, kinds });
  }
  return out;
}

/**
 * Refuses (403 `AUTH.FIELD_NOT_WRITABLE`, naming each field and its kind) a write that includes a field the caller
 * may not write. Refused rather than silently dropped: a caller who was told "saved" while their change was
 * discarded would believe, say, that consent is on file.
 */
export function assertMayWrite<T extends object>(user: Pick<AuthenticatedUser, 'roles'>, relation: Relation | null, input: T, fields: SensitiveInputFields<T>): void {
  const refused = forbiddenWrites(user, relation, input, fields);
  if (!refused.length) return;
  const messages = refused.map((r) => `${r.field}: your roles may not write ${r.kinds.join(', ')} (sensitive-fields rule)`);
  throw new ForbiddenException({
    statusCode: 403, code: 'AUTH.FIELD_NOT_WRITABLE', message: messages,
    fields: refused.map((r, i) => ({ field: r.field, messages: [messages[i]] })),
  });
}
