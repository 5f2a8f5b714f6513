import { MatchingInstance } from '../instance';

/**
 * Group constraints on top of the matching instance (product spec, section 4: "pairs kept together or apart").
 *
 * - `together` (siblings, pairs who asked to stay together): the group is placed whole in one family or not at
 *   all. When it cannot be placed together (no family feasible for all of them with beds for all of them, or the
 *   beds are worth more to others under the objective), every member is unplaced: a sibling placed while another
 *   is left out is a broken group, exactly like a split. The caller explains the members as a group.
 * - `apart` (people who must not share a household): no two PLACED members of the group share a family.
 *
 * `guests` are guest indices of the instance (0..guestCount-1), at least 2, no duplicates. Groups of the same
 * kind are disjoint (a guest is in at most one `together` group and at most one `apart` group; it may be in one
 * of each). The objective is unchanged: maximise the number placed, then the total score.
 */
export interface GroupConstraint {
  kind: 'together' | 'apart';
  guests: number[];
}

export interface GroupViolation {
  /** index of the group in the list given */
  group: number;
  kind: string;
  message: string;
}

/** Throws a RangeError naming the first invalid group. */
export function validateGroups(inst: Pick<MatchingInstance, 'guestCount'>, groups: readonly GroupConstraint[]): void {
  const seen = { together: new Int32Array(inst.guestCount).fill(-1), apart: new Int32Array(inst.guestCount).fill(-1) };
  groups.forEach((grp, i) => {
    if (grp.kind !== 'together' && grp.kind !== 'apart') throw new RangeError(`group ${i}: kind must be 'together' or 'apart', got ${String(grp.kind)}`);
    if (!Array.isArray(grp.guests) || grp.guests.length < 2) throw new RangeError(`group ${i}: a group needs at least 2 guests`);
    const owner = seen[grp.kind];
    for (const g of grp.guests) {
      if (!Number.isInteger(g) || g < 0 || g >= inst.guestCount) throw new RangeError(`group ${i}: guest ${g} out of range`);
      if (owner[g] === i) throw new RangeError(`group ${i}: guest ${g} listed twice`);
      if (owner[g] >= 0) throw new RangeError(`group ${i}: guest ${g} is already in ${grp.kind} group ${owner[g]} (groups of one kind must be disjoint)`);
      owner[g] = i;
    }
  });
}

/** The groups an assignment breaks (familyOf[g] = family of guest g, -1 when unplaced). Empty = all honoured. */
export function groupViolations(familyOf: ArrayLike<number>, groups: readonly GroupConstraint[]): GroupViolation[] {
  const out: GroupViolation[] = [];
  groups.forEach((grp, i) => {
    if (grp.kind === 'together') {
      const families = new Set<number>();
      for (const g of grp.guests) if (familyOf[g] >= 0) families.add(familyOf[g]);
      const left = grp.guests.filter((g) => familyOf[g] < 0);
      if (families.size > 1) {
        out.push({ group: i, kind: grp.kind, message: `together group ${i}: placed members split over families ${[...families].sort((a, b) => a - b).join(', ')}` });
      } else if (families.size === 1 && left.length > 0) {
        out.push({ group: i, kind: grp.kind, message: `together group ${i}: guests ${left.join(', ')} unplaced while the others are in family ${[...families][0]}` });
      }
    } else {
      const byFamily = new Map<number, number[]>();
      for (const g of grp.guests) {
        const f = familyOf[g];
        if (f < 0) continue;
        const list = byFamily.get(f);
        if (list) list.push(g);
        else byFamily.set(f, [g]);
      }
      for (const [f, members] of byFamily) {
        if (members.length > 1) out.push({ group: i, kind: grp.kind, message: `apart group ${i}: guests ${members.join(', ')} share family ${f}` });
      }
    }
  });
  return out;
}
