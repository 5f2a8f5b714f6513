/** A household member as the vetting gate depends on it (who is in the household and how old they are). */
export interface HouseholdMemberSnapshot { id: string; name: string; dateOfBirth: string; relation: string; gender: string }

/** The roles whose own household changes need no second look: they are the ones who confirm a review. */
export const HOUSEHOLD_REVIEWER_ROLES = ['youth-manager', 'admin'] as const;

/**
 * What a write did to a household's members, compared before / after. Only what the vetting gate
 * reads counts as a change that needs review: a member added or removed (who must be checked) and a
 * birth date changed (whether a member is an adult who must be checked). A renamed member, a new
 * relation or gender, or a new order do not open or close the gate, so they need no review.
 */
export class HouseholdChange {
  private constructor(
    readonly before: HouseholdMemberSnapshot[],
    readonly after: HouseholdMemberSnapshot[],
    readonly added: string[],
    readonly removed: string[],
    readonly birthDateChanged: string[],
  ) {}

  static between(before: HouseholdMemberSnapshot[], after: HouseholdMemberSnapshot[]): HouseholdChange {
    const old = new Map(before.map((m) => [m.id, m]));
    const now = new Set(after.map((m) => m.id));
    const added = after.filter((m) => !old.has(m.id)).map((m) => m.id);
    const removed = before.filter((m) => !now.has(m.id)).map((m) => m.id);
    const birthDateChanged = after.filter((m) => old.has(m.id) && old.get(m.id)!.dateOfBirth !== m.dateOfBirth).map((m) => m.id);
    return new HouseholdChange(before, after, added, removed, birthDateChanged);
  }

  /** Whether the change concerns what the vetting gate reads (members added, removed, birth dates). */
  get affectsVetting(): boolean {
    return this.added.length + this.removed.length + this.birthDateChanged.length > 0;
  }

  /**
   * Whether the family must wait for a youth manager's or admin's review before it may host a minor
   * again: a change to what the gate reads made by anyone else (a host, or a coordinator, who may
   * neither record background checks nor see their results), or by a reviewer who is one of this
   * family's hosts (nobody reviews their own household). Without it, a host could make the gate open
   * by removing an unchecked adult or by dating them as a child.
   */
  needsReviewBy(roles: readonly string[], hostOfThisFamily: boolean): boolean {
    return this.affectsVetting && (hostOfThisFamily || !mayReviewHouseholds(roles));
  }
}

export function mayReviewHouseholds(roles: readonly string[]): boolean {
  return roles.some((r) => (HOUSEHOLD_REVIEWER_ROLES as readonly string[]).includes(r));
}
