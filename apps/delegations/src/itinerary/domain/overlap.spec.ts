import { findOverlaps, ScheduledActivity } from './overlap';

const at = (hhmm: string) => new Date(`2027-04-12T${hhmm}:00Z`);
const act = (id: string, from: string, to: string, attendees?: string[]): ScheduledActivity => ({
  id, startsAt: at(from), endsAt: at(to), allMembers: !attendees, attendeeMemberIds: attendees ?? [],
});

describe('findOverlaps', () => {
  const members = ['m1', 'm2', 'm3'];

  it('warns when two all-member activities overlap, not when one ends as the next starts', () => {
    const w = findOverlaps([act('b', '10:00', '12:00'), act('a', '09:00', '10:30'), act('c', '12:00', '13:00')], members);
    expect(w).toEqual([expect.objectContaining({ code: 'ITINERARY.OVERLAP', activityIds: ['a', 'b'], allMembers: true, memberIds: members })]);
  });

  it('warns for chosen members only when someone attends both', () => {
    expect(findOverlaps([act('a', '09:00', '11:00', ['m1']), act('b', '10:00', '12:00', ['m2'])], members)).toEqual([]);
    const w = findOverlaps([act('a', '09:00', '11:00', ['m1', 'm2']), act('b', '10:00', '12:00', ['m2', 'm3'])], members);
    expect(w.map((x) => [x.activityIds, x.memberIds, x.allMembers])).toEqual([[['a', 'b'], ['m2'], false]]);
  });

  it('counts everyone for an all-member activity against chosen members', () => {
    const w = findOverlaps([act('a', '09:00', '11:00'), act('b', '10:00', '12:00', ['m3'])], members);
    expect(w.map((x) => x.memberIds)).toEqual([['m3']]);
  });

  it('ignores attendees who are no longer members', () => {
    expect(findOverlaps([act('a', '09:00', '11:00'), act('b', '10:00', '12:00', ['gone'])], members)).toEqual([]);
  });

  it('treats two all-member activities as conflicting even before anyone joined', () => {
    expect(findOverlaps([act('a', '09:00', '11:00'), act('b', '10:00', '12:00')], [])).toHaveLength(1);
  });

  it('finds every pair, including one contained in a long activity', () => {
    const w = findOverlaps([act('long', '08:00', '18:00'), act('x', '09:00', '10:00'), act('y', '11:00', '12:00'), act('z', '11:30', '13:00')], members);
    expect(w.map((x) => x.activityIds.join('+')).sort()).toEqual(['long+x', 'long+y', 'long+z', 'y+z']);
  });
});
