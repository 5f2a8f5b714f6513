/**
 * When something happened, as staff record it (a check-in, an incident, its report): never later than now. A few
 * minutes of tolerance cover a phone whose clock runs ahead of the server's.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function isInTheFuture(at: Date, now: Date = new Date(), toleranceMs = FUTURE_TOLERANCE_MS): boolean {
  return at.getTime() > now.getTime() + toleranceMs;
}
