import { AuthenticatedUser, maySee, Relation } from '@twinning/platform-auth';
import { HEALTH_RULES } from '../../matching/domain/candidates';

/**
 * What the pets-vs-allergy rule says in place of its message to a caller who may not see the guest's allergies: the
 * rule's code and counts stay (a coordinator must know why a family is excluded), the allergy it names does not.
 */
export const ALLERGY_WITHHELD = 'excluded by the pets-vs-allergy rule (the allergy itself is shown only to whom may see the guest\'s allergies)';

/**
 * The matching answers about a guest (run explanations, why-not, broken rules of an offer or an assignment) as the
 * caller may see them under the sensitive-fields rule: every `message` of an object about a health rule (PETS_VS_ALLERGY,
 * ALLERGY_NOT_CODED, SMOKING) names the guest's allergy, so it is replaced by ALLERGY_WITHHELD unless the caller may see `allergies`. The rule is
 * recognised by its code (`rule`, `decidingRule`, or a non-zero count in `excludedByRule`), never by the wording, so
 * a change of the messages cannot reopen it.
 */
export function withheldForCaller<T>(user: Pick<AuthenticatedUser, 'roles'>, relations: readonly Relation[], value: T): T {
  if (maySee(user, relations, 'allergies')) return value;
  return withhold(value) as T;
}

function withhold(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withhold);
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, withhold(v)]));
  const counts = o.excludedByRule as Record<string, number> | undefined;
  const health = (r: unknown) => (HEALTH_RULES as readonly unknown[]).includes(r);
  const aboutAllergy = health(o.rule) || health(o.decidingRule) || (!!counts && typeof counts === 'object' && HEALTH_RULES.some((r) => (counts[r] ?? 0) > 0));
  if (aboutAllergy && typeof o.message === 'string') out.message = ALLERGY_WITHHELD;
  return out;
}
