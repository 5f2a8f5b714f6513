import { MatchingInstance } from '../instance';
import { GroupConstraint } from './constraints';

/**
 * A group of the programme's settings seen from one matching problem: `guests` are the members in the problem
 * (instance indices), `outside` the family of each member outside it: the family holding their offer or placement
 * (which the problem keeps), or -1 when they cannot be placed now (no matching profile yet, held by a family of
 * another organisation, or left unplaced and not re-matched).
 */
export interface GroupInProblem {
  kind: GroupConstraint['kind'];
  guests: number[];
  outside: number[];
}

/**
 * Carries the members outside the problem into it, so a group is whole across what is kept and what is solved:
 * - together: members inside may only join the family that holds the members outside (all of them, or none); when
 *   those are in no family or in two, the members inside get no family at all;
 * - apart: members inside may not go to a family holding a member outside.
 * Returns the instance without the pairs those rules remove and the groups over the members inside (at least 2).
 */
export function anchorGroups(inst: MatchingInstance, groups: readonly GroupInProblem[]): { inst: MatchingInstance; groups: GroupConstraint[] } {
  const { guestCount: G, pairStart, pairFamily, pairScore } = inst;
  const only = new Map<number, number>(); // guest -> the one family allowed (-1: none)
  const not = new Map<number, Set<number>>(); // guest -> families not allowed
  for (const grp of groups) {
    if (!grp.outside.length) continue;
    if (grp.kind === 'together') {
      const held = new Set(grp.outside);
      const anchor = held.size === 1 && !held.has(-1) ? grp.outside[0] : -1;
      for (const g of grp.guests) only.set(g, anchor);
    } else {
      for (const g of grp.guests) {
        const set = not.get(g) ?? new Set<number>();
        for (const f of grp.outside) if (f >= 0) set.add(f);
        not.set(g, set);
      }
    }
  }
  const groupsInside = groups.filter((grp) => grp.guests.length >= 2).map((grp) => ({ kind: grp.kind, guests: grp.guests.slice() }));
  if (!only.size && !not.size) return { inst, groups: groupsInside };
  const start = new Int32Array(G + 1);
  const fam: number[] = [];
  const score: number[] = [];
  for (let g = 0; g < G; g++) {
    start[g] = fam.length;
    const one = only.get(g);
    const banned = not.get(g);
    for (let k = pairStart[g]; k < pairStart[g + 1]; k++) {
      const f = pairFamily[k];
      if ((one !== undefined && f !== one) || banned?.has(f)) continue;
      fam.push(f);
      score.push(pairScore[k]);
    }
  }
  start[G] = fam.length;
  return {
    inst: { guestCount: G, familyCount: inst.familyCount, capacity: inst.capacity, pairStart: start, pairFamily: Int32Array.from(fam), pairScore: Float64Array.from(score) },
    groups: groupsInside,
  };
}
