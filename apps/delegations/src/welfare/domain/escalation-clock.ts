/**
 * The escalation clock of a safeguarding incident: by when it must be marked reported.
 * An allegation of abuse: within 72 hours of opening (whatever its severity). Any other incident of
 * critical severity: within 24 hours. Everything else: no clock (null).
 */
export const ESCALATION_HOURS = { abuseAllegation: 72, critical: 24 } as const;

export function reportDueAt(type: string, severity: string, openedAt: Date): Date | null {
  const hours = type === 'abuse-allegation' ? ESCALATION_HOURS.abuseAllegation : severity === 'critical' ? ESCALATION_HOURS.critical : null;
  return hours === null ? null : new Date(openedAt.getTime() + hours * 3600_000);
}

/** Whether the clock ran out at `now` (not reported, past the deadline, not already raised). */
export function isOverdue(i: { reportDueAt: Date | null; reportedAt: Date | null; overdueRaisedAt: Date | null }, now: Date): boolean {
  return i.reportDueAt !== null && i.reportedAt === null && i.overdueRaisedAt === null && i.reportDueAt.getTime() < now.getTime();
}

/** A report is in time when it happens by the deadline (or the incident has no clock). */
export function reportedWithinDeadline(reportDue: Date | null, reportedAt: Date): boolean {
  return reportDue === null || reportedAt.getTime() <= reportDue.getTime();
}
