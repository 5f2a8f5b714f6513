/**
 * Settings of check-ins and the escalation job (environment, with defaults):
 * CHECK_IN_OVERDUE_HOURS (24): a member of an in-progress delegation whose last check-in is older is overdue.
 * INCIDENT_ESCALATION_INTERVAL_MS (60000): how often the escalation job runs; 0 turns the timer off.
 */
export class WelfareSettings {
  readonly checkInOverdueHours: number;
  readonly escalationIntervalMs: number;

  constructor(env: Record<string, string | undefined> = process.env) {
    this.checkInOverdueHours = positive(env.CHECK_IN_OVERDUE_HOURS, 24);
    this.escalationIntervalMs = positive(env.INCIDENT_ESCALATION_INTERVAL_MS, 60000, true);
  }
}

function positive(raw: string | undefined, fallback: number, zeroAllowed = false): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (!zeroAllowed && n === 0)) throw new Error(`invalid welfare setting ${raw}`);
  return n;
}
