/** What overlap detection needs of an activity. */
export interface ScheduledActivity {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** Everyone in the delegation attends (also members added later). */
  allMembers: boolean;
  /** The chosen members (delegation_member ids) when not allMembers. */
  attendeeMemberIds: string[];
}

/** Two activities at overlapping times with at least one attendee in common. */
export interface OverlapWarning {
  code: 'ITINERARY.OVERLAP';
  /** The two activities, earlier start first. */
  activityIds: [string, string];
  /** Both are for all members of the delegation. */
  allMembers: boolean;
  /** The members attending both (every current member when allMembers). */
  memberIds: string[];
  message: string;
}

/**
 * Overlap warnings for a delegation's activities: two activities overlap when each starts before
 * the other ends (one ending exactly when the next starts does not); they conflict when someone
 * attends both. "All members" means every current member (and, with no members yet, the whole
 * future group: two all-member activities always conflict).
 */
export function findOverlaps(activities: ScheduledActivity[], currentMemberIds: string[]): OverlapWarning[] {
  const members = new Set(currentMemberIds);
  const sorted = [...activities].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  const attendees = (a: ScheduledActivity): Set<string> => (a.allMembers ? members : new Set(a.attendeeMemberIds.filter((id) => members.has(id))));
  const out: OverlapWarning[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.startsAt.getTime() >= a.endsAt.getTime()) {
        break; // sorted by start: every later one starts after a ends too
      }
      const bothAll = a.allMembers && b.allMembers;
      const inA = attendees(a);
      const shared = [...attendees(b)].filter((id) => inA.has(id)).sort();
      if (!bothAll && shared.length === 0) continue;
      out.push({
        code: 'ITINERARY.OVERLAP',
        activityIds: [a.id, b.id],
        allMembers: bothAll,
        memberIds: shared,
        message: bothAll ? 'two activities for all members overlap in time' : `${shared.length} member(s) attend two activities that overlap in time`,
      });
    }
  }
  return out;
}
