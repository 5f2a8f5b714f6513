/**
 * The life of an offer (plain rules, no I/O).
 *
 *   offered ──accept──▶ accepted ──(guardian consent on file, or an adult)──▶ confirmed
 *      │                  │                                                     │
 *      ├─decline─▶ declined   ├──withdraw (host, reason)──▶ withdrawn ◀──────────┤
 *      ├─deadline─▶ expired   └──release (cancelled, removed)──▶ released ◀──────┘
 *      └─moved by a re-match / released ─▶ withdrawn / released
 *
 * `expired` is a real end state computed from the deadline: an `offered` row whose deadline has passed
 * is reported as expired even before the expiry job has written it, and can no longer be accepted.
 */
export const OFFER_STATUSES = ['offered', 'accepted', 'confirmed', 'declined', 'expired', 'withdrawn', 'released'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Statuses that hold a bed (at most one per member, enforced by a partial unique index). */
export const ACTIVE_STATUSES: readonly OfferStatus[] = ['offered', 'accepted', 'confirmed'];
/** Placements a re-match must not move. */
export const FROZEN_STATUSES: readonly OfferStatus[] = ['accepted', 'confirmed'];

export interface OfferClock {
  status: OfferStatus;
  deadlineAt: Date;
}

/** What a reader sees: `offered` past its deadline is `expired`. */
export function effectiveStatus(o: OfferClock, now: Date): OfferStatus {
  return o.status === 'offered' && o.deadlineAt.getTime() <= now.getTime() ? 'expired' : o.status;
}

/** Milliseconds left to answer (0 when not open). */
export function timeLeftMs(o: OfferClock, now: Date): number {
  return effectiveStatus(o, now) === 'offered' ? o.deadlineAt.getTime() - now.getTime() : 0;
}

export type OfferAction = 'accept' | 'decline' | 'withdraw';

/** Why an action is refused in the current state, or null when it is allowed. */
export function refusal(action: OfferAction, o: OfferClock, now: Date): { code: string; message: string } | null {
  const s = effectiveStatus(o, now);
  if (action === 'accept' || action === 'decline') {
    if (s === 'offered') return null;
    if (s === 'expired') return { code: 'OFFER.EXPIRED', message: `the offer expired at ${o.deadlineAt.toISOString()}` };
    return { code: 'OFFER.NOT_OPEN', message: `the offer is ${s}; only an open offer can be ${action === 'accept' ? 'accepted' : 'declined'}` };
  }
  if (s === 'accepted' || s === 'confirmed') return null;
  return { code: 'OFFER.NOT_ACCEPTED', message: `the offer is ${s}; only an accepted placement can be withdrawn` };
}

/** The deadline of an offer made at `now` with a response window of `hours`. */
export function deadlineFrom(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3600_000);
}

/** A minor's placement is confirmed only with guardian consent on file (valid on the first day of the stay). */
export function canConfirm(guest: { minor: boolean; consentOnFile: boolean; consentExpiresOn: string | null }, stayFrom: string): boolean {
  if (!guest.minor) return true;
  if (!guest.consentOnFile) return false;
  return guest.consentExpiresOn === null || guest.consentExpiresOn >= stayFrom;
}
