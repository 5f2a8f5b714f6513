import { isOverdue, reportDueAt, reportedWithinDeadline } from './escalation-clock';

describe('escalation clock', () => {
  const opened = new Date('2027-04-12T10:00:00Z');

  it('gives an abuse allegation 72 hours, whatever its severity', () => {
    expect(reportDueAt('abuse-allegation', 'low', opened)?.toISOString()).toBe('2027-04-15T10:00:00.000Z');
    expect(reportDueAt('abuse-allegation', 'critical', opened)?.toISOString()).toBe('2027-04-15T10:00:00.000Z');
  });

  it('gives any other critical incident 24 hours, and the rest no clock', () => {
    expect(reportDueAt('missing-person', 'critical', opened)?.toISOString()).toBe('2027-04-13T10:00:00.000Z');
    expect(reportDueAt('injury', 'high', opened)).toBeNull();
    expect(reportDueAt('other', 'low', opened)).toBeNull();
  });

  it('is overdue only past the deadline, unreported and not yet raised', () => {
    const due = reportDueAt('abuse-allegation', 'high', opened)!;
    const base = { reportDueAt: due, reportedAt: null, overdueRaisedAt: null };
    expect(isOverdue(base, new Date(due.getTime()))).toBe(false);
    expect(isOverdue(base, new Date(due.getTime() + 1))).toBe(true);
    expect(isOverdue({ ...base, reportedAt: opened }, new Date(due.getTime() + 1))).toBe(false);
    expect(isOverdue({ ...base, overdueRaisedAt: due }, new Date(due.getTime() + 1))).toBe(false);
    expect(isOverdue({ ...base, reportDueAt: null }, new Date(due.getTime() + 1))).toBe(false);
  });

  it('says whether a report was in time', () => {
    const due = reportDueAt('abuse-allegation', 'high', opened)!;
    expect(reportedWithinDeadline(due, due)).toBe(true);
    expect(reportedWithinDeadline(due, new Date(due.getTime() + 1))).toBe(false);
    expect(reportedWithinDeadline(null, new Date())).toBe(true);
  });
});
