import { AsyncLocalStorage } from 'node:async_hooks';
import { AuthenticatedUser } from './authenticated-user';
import { maySee, Relation, SensitiveField } from './sensitive-fields';

/** Fields whose every read is in the audit trail: who read a person's medical notes or their guardians' contacts, when. */
export const AUDITED_READ_FIELDS: readonly SensitiveField[] = ['medicalNotes', 'guardianContacts'];

/** One record whose audited fields a request disclosed. */
export interface SensitiveRead { subjectKind: string; subjectId: string; fields: SensitiveField[] }

const reads = new AsyncLocalStorage<Map<string, SensitiveRead>>();

/**
 * Runs `fn` (a request) collecting what `disclose` lets through; `collected()` then lists it. The service's audit
 * middleware wraps every request in it and records the reads once the answer went out.
 */
export function collectSensitiveReads<T>(fn: () => T): { result: T; collected: () => SensitiveRead[] } {
  const store = new Map<string, SensitiveRead>();
  const result = reads.run(store, fn);
  return { result, collected: () => [...store.values()] };
}

/**
 * The sensitive-fields rule (maySee) for one field of one record, noting the disclosure of an audited field in the
 * current request. A view of a person's data asks this instead of maySee for the fields it shows, so a read is in the
 * audit trail because it was allowed, in the one place that allows it.
 */
export function disclose(user: Pick<AuthenticatedUser, 'roles'>, relation: Relation | null, field: SensitiveField, subject: { kind: string; id: string }): boolean {
  const allowed = maySee(user, relation, field);
  if (allowed && AUDITED_READ_FIELDS.includes(field)) {
    const store = reads.getStore();
    if (store) {
      const key = `${subject.kind}:${subject.id}`;
      const entry = store.get(key) ?? { subjectKind: subject.kind, subjectId: subject.id, fields: [] };
      if (!entry.fields.includes(field)) entry.fields.push(field);
      store.set(key, entry);
    }
  }
  return allowed;
}
