import ical, { VEvent } from 'node-ical';
import { feedEntries, FeedInput, fingerprint, renderCalendar } from './calendar-entries';

const input: FeedInput = {
  delegation: { id: 'd', title: 'Fuzhou robotics', hostTimeZone: 'America/Los_Angeles' },
  members: [{ memberId: 'a', givenName: 'Ana', familyName: 'Lin' }, { memberId: 'k', givenName: 'Kit', familyName: 'Lin' }],
  activities: [{ id: 'x', title: 'Welcome', startsAt: new Date('2027-06-03T16:00:00Z'), endsAt: new Date('2027-06-03T17:00:00Z'), timeZone: 'America/Los_Angeles' }],
  segments: [
    { id: 's1', mode: 'flight', direction: 'arrival', status: 'booked', carrier: 'CA', number: '983', from: 'PEK', to: 'SEA', departureAt: new Date('2027-06-02T05:00:00Z'),
      departureTimeZone: 'Asia/Shanghai', arrivalAt: new Date('2027-06-02T16:20:00Z'), arrivalTimeZone: 'America/Los_Angeles', bookingReference: 'QX7', memberIds: ['a', 'k'] },
    { id: 's2', mode: 'train', direction: 'other', status: 'booked', carrier: null, number: null, from: 'Tacoma', to: 'Portland', departureAt: new Date('2027-06-04T16:00:00Z'),
      departureTimeZone: 'America/Los_Angeles', arrivalAt: new Date('2027-06-04T19:00:00Z'), arrivalTimeZone: 'America/Los_Angeles', bookingReference: null, memberIds: ['k'] },
    { id: 's3', mode: 'flight', direction: 'departure', status: 'cancelled', carrier: 'CA', number: '984', from: 'SEA', to: 'PEK', departureAt: new Date('2027-06-07T18:00:00Z'),
      departureTimeZone: 'America/Los_Angeles', arrivalAt: new Date('2027-06-08T06:00:00Z'), arrivalTimeZone: 'Asia/Shanghai', bookingReference: null, memberIds: ['a'] },
  ],
  runs: [{ id: 'r', status: 'planned', airport: 'SEA', meetingAt: new Date('2027-06-02T17:05:00Z'), timeZone: 'America/Los_Angeles', driverKind: 'volunteer', driverName: 'Sam',
    memberIds: ['a', 'k'], dropOffs: [{ memberId: 'a', label: 'Ruiz family' }, { memberId: 'k', label: 'Okafor family' }] }],
  offers: [{ offerId: 'o', guestGivenName: 'Kit', deadlineAt: new Date('2027-05-20T23:00:00Z') }],
};
const uids = (kind: Parameters<typeof feedEntries>[1]) => feedEntries(input, kind).map((e) => e.uid);

describe('calendar feed entries', () => {
  it('shows each feed its own events, sorted by start, cancelled travel left out', () => {
    expect(uids({ kind: 'delegation' })).toEqual(['offer-o@twinning', 'arrival-s1@twinning', 'pickup-r@twinning', 'activity-x@twinning']);
    expect(uids({ kind: 'participant', memberId: 'k' })).toEqual(['arrival-s1@twinning', 'pickup-r@twinning', 'activity-x@twinning', 'segment-s2@twinning']);
    expect(uids({ kind: 'participant', memberId: 'a' })).toEqual(['arrival-s1@twinning', 'pickup-r@twinning', 'activity-x@twinning']);
    expect(uids({ kind: 'family', memberIds: ['a'] })).toEqual(['arrival-s1@twinning', 'pickup-r@twinning']);
    expect(uids({ kind: 'family', memberIds: [] })).toEqual([]);
  });

  it('tells a family only about its own guests', () => {
    const text = JSON.stringify(feedEntries(input, { kind: 'family', memberIds: ['a'] }));
    expect(text).toContain('Ana Lin → Ruiz family');
    expect(text).not.toMatch(/Kit|Okafor|QX7/);
  });

  it('fingerprints what a subscriber sees', () => {
    const [a] = feedEntries(input, { kind: 'delegation' });
    expect(fingerprint(a)).toBe(fingerprint({ ...a }));
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, start: new Date(a.start.getTime() + 60_000) }));
  });

  it('renders RFC 5545 text with each time in its zone, a VTIMEZONE per zone, and the revision', () => {
    const entries = feedEntries(input, { kind: 'participant', memberId: 'k' });
    const text = renderCalendar('Kit', entries, new Map([['activity-x@twinning', { sequence: 3, lastModified: new Date('2027-01-02T03:04:05Z') }]]), new Date('2027-01-01T00:00:00Z'));
    expect(text).toContain('DTSTART;TZID=America/Los_Angeles:20270602T092000');
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
    const activity = events.find((e) => e.uid === 'activity-x@twinning')!;
    expect(activity.sequence).toBe(3);
    expect(activity.start!.toISOString()).toBe('2027-06-03T16:00:00.000Z');
    expect(activity.lastmodified!.toISOString()).toBe('2027-01-02T03:04:05.000Z');
  });
});
