import { CandidateSet } from '../candidates/candidate-generator';
import { UnplacedExplanation } from '../candidates/explanations';
import { GroupConstraint } from './constraints';

/** a group over the guests of the candidate set, with the family of each member outside it (see anchor-groups.ts) */
type ExplainedGroup = GroupConstraint & { outside?: readonly number[] };

/**
 * Why a guest of a group is unplaced when the group, not the guest's own hard rules, decided it: a together group
 * is placed whole or not at all, so a sibling with families of their own stays unplaced with the others. The words
 * name the group rule and the beds, never which hard rule excluded which member: that would tell the sibling's
 * coordinator-visible explanation (and the general placement topic) about another guest's allergies or needs.
 * Returns null when the guest is placed, has no family of their own (their own explanation says why), or the
 * group did not decide it. `refused`: the pairs a family declined (or let expire, or withdrew) in a re-match.
 */
export function explainGroupUnplaced(set: CandidateSet, guest: number, familyOf: ArrayLike<number>, groups: readonly ExplainedGroup[], refused: readonly { guest: number; family: number }[] = []): UnplacedExplanation | null {
  const own = set.perGuest[guest];
  if (familyOf[guest] >= 0 || own.candidates.length === 0) return null;
  const base = { excludedByRule: own.excludedByRule, familiesConsidered: set.families.length };
  const together = groups.find((grp) => grp.kind === 'together' && grp.guests.includes(guest));
  if (together) {
    const outside = together.outside ?? [];
    const n = together.guests.length + outside.length;
    const who = n === 2 ? 'the other guest of their group' : `the ${n - 1} other guests of their group`;
    const rule = '(a together group is placed in one family or not at all)';
    if (outside.length) {
      const held = new Set(outside);
      const why = held.size === 1 && !held.has(-1)
        ? 'the family that already has an offer or a placement for the others has no free bed for them, or does not meet the hard rules for them'
        : 'not all of their group can be placed now (a member has no matching profile yet, or is hosted elsewhere)';
      return inPublic({ kind: 'kept-together', decidingRule: null, remainingBefore: 0, ...base, message: `kept together with ${who} ${rule}: ${why}` });
    }
    // the families every member may go to, with a bed for each of them
    let common = new Set(own.candidates.map((c) => c.family));
    for (const g of together.guests) {
      const theirs = new Set(set.perGuest[g].candidates.map((c) => c.family));
      common = new Set([...common].filter((f) => theirs.has(f)));
    }
    const roomy = [...common].filter((f) => Math.floor(set.families[f].freeBeds) >= n);
    const declined = new Set(refused.filter((p) => together.guests.includes(p.guest)).map((p) => p.family));
    const forAll = roomy.filter((f) => !declined.has(f)).length;
    const why = roomy.length === 0
      ? `no family meets the hard rules for all ${n} of them with ${n} free beds`
      : forAll === 0
        ? `${roomy.length === 1 ? 'the only family' : `all ${roomy.length} families`} that could take all ${n} of them ${roomy.length === 1 ? 'has' : 'have'} declined one of them`
        : `${forAll === 1 ? 'the only family' : `all ${forAll} families`} that could take all ${n} of them ${forAll === 1 ? 'is' : 'are'} full with other guests`;
    return inPublic({ kind: 'kept-together', decidingRule: null, remainingBefore: forAll, ...base, message: `kept together with ${who} ${rule}: ${why}` });
  }
  const apart = groups.find((grp) => grp.kind === 'apart' && grp.guests.includes(guest));
  if (apart) {
    const mateFamilies = new Set([...apart.guests.filter((g) => g !== guest && familyOf[g] >= 0).map((g) => familyOf[g]), ...(apart.outside ?? []).filter((f) => f >= 0)]);
    const blocked = own.candidates.filter((c) => mateFamilies.has(c.family)).length;
    if (blocked > 0) {
      return inPublic({
        kind: 'kept-apart', decidingRule: null, remainingBefore: own.candidates.length, ...base,
        message: blocked === own.candidates.length
          ? `kept apart from the other guests of their group: ${blocked === 1 ? 'the only family' : `all ${blocked} families`} that meet the hard rules ${blocked === 1 ? 'hosts' : 'host'} one of them`
          : `kept apart from the other guests of their group: ${blocked} of the ${own.candidates.length} families that meet the hard rules ${blocked === 1 ? 'hosts' : 'host'} one of them, and the others are full with other guests`,
      });
    }
  }
  return null;
}

/** A group's reason names the group and the beds, never a member's health needs: every reader may be told it as it is. */
function inPublic(e: Omit<UnplacedExplanation, 'publicRule' | 'publicMessage'>): UnplacedExplanation {
  return { ...e, publicRule: null, publicMessage: e.message };
}
