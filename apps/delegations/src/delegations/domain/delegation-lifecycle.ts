import { DelegationRuleError } from './delegation-error';
import { DelegationStatus } from './delegation';

export const DELEGATION_STATUSES: DelegationStatus[] = ['draft', 'planning', 'confirmed', 'in-progress', 'completed', 'cancelled'];
export const TRANSITION_TARGETS = ['planning', 'confirmed', 'in-progress', 'completed', 'cancelled'] as const;
export type TransitionTarget = (typeof TRANSITION_TARGETS)[number];

/** draft → planning → confirmed → in-progress → completed; cancelled from any state before completed. */
const NEXT: Record<DelegationStatus, DelegationStatus[]> = {
  draft: ['planning', 'cancelled'],
  planning: ['confirmed', 'cancelled'],
  confirmed: ['in-progress', 'cancelled'],
  'in-progress': ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** A member as the safeguarding rules see it: who, born when, with or without valid guardian consent. */
export interface RosterMember {
  memberId: string;
  participantId: string;
  name: string;
  dateOfBirth: string;
  /** A guardian gave consent, and it has not expired before the visit ends. */
  hasValidConsent: boolean;
}

export interface AdultRatio {
  minors: number;
  adults: number;
  minorsPerAdult: number;
  /** Adults the group needs for its minors (ceil(minors / minorsPerAdult)). */
  requiredAdults: number;
  ok: boolean;
}

/** Full years of age on `onDate` (both YYYY-MM-DD); a birthday on that day counts. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function isMinorOn(dateOfBirth: string, onDate: string): boolean {
  return ageOn(dateOfBirth, onDate) < 18;
}

/** Adults are members aged 18+ on the start date; every `minorsPerAdult` minors (or part) need one adult. */
export function adultRatio(dates: { dateOfBirth: string }[], startDate: string, minorsPerAdult: number): AdultRatio {
  const minors = dates.filter((m) => isMinorOn(m.dateOfBirth, startDate)).length;
  const adults = dates.length - minors;
  const requiredAdults = Math.ceil(minors / minorsPerAdult);
  return { minors, adults, minorsPerAdult, requiredAdults, ok: adults >= requiredAdults };
}

/** Guardian consent is valid when given and not expiring before the visit's last day. */
export function consentIsValid(guardians: { consentGivenAt: Date | string | null; consentExpiresOn: string | null }[], endDate: string): boolean {
  return guardians.some((g) => g.consentGivenAt !== null && (g.consentExpiresOn === null || g.consentExpiresOn >= endDate));
}

/** The lifecycle's rules, as a plain state machine; no framework code. */
export class DelegationLifecycle {
  /** Where a delegation in `from` may go next (none once completed or cancelled). */
  static allowedFrom(from: DelegationStatus): DelegationStatus[] {
    return [...(NEXT[from] ?? [])];
  }

  static canTransition(from: DelegationStatus, to: DelegationStatus): boolean {
    return NEXT[from].includes(to);
  }

  static assertTransition(from: DelegationStatus, to: DelegationStatus): void {
    if (!DelegationLifecycle.canTransition(from, to)) {
      throw new DelegationRuleError('DELEGATION.TRANSITION_NOT_ALLOWED', `a ${from} delegation cannot become ${to}`, undefined, { from, to, allowed: NEXT[from] });
    }
  }

  /** Dates are fixed once the visit is under way (and after). */
  static datesLocked(status: DelegationStatus): boolean {
    return status === 'in-progress' || status === 'completed' || status === 'cancelled';
  }

  /** Nothing changes on a finished delegation. */
  static closed(status: DelegationStatus): boolean {
    return status === 'completed' || status === 'cancelled';
  }

  /**
   * The safeguarding checks a group must pass to be confirmed (and again to start travelling, as
   * members may have changed since): at least one member, every minor with valid guardian consent,
   * enough adults for the minors. The first broken rule is thrown, in that order.
   */
  static assertReadyToTravel(roster: RosterMember[], startDate: string, endDate: string, minorsPerAdult: number): void {
    if (roster.length === 0) throw new DelegationRuleError('DELEGATION.NO_MEMBERS', 'a delegation with no members cannot be confirmed');
    const withoutConsent = roster.filter((m) => isMinorOn(m.dateOfBirth, startDate) && !m.hasValidConsent);
    if (withoutConsent.length) {
      const first = withoutConsent[0];
      throw new DelegationRuleError('DELEGATION.MINOR_WITHOUT_CONSENT',
        `member ${first.name} is a minor on ${startDate} without guardian consent valid until ${endDate}`, undefined,
        { members: withoutConsent.map((m) => ({ memberId: m.memberId, participantId: m.participantId, name: m.name })) });
    }
    const ratio = adultRatio(roster, startDate, minorsPerAdult);
    if (!ratio.ok) {
      throw new DelegationRuleError('DELEGATION.NOT_ENOUGH_ADULTS',
        `${ratio.minors} minors need at least ${ratio.requiredAdults} adults (one for every ${minorsPerAdult}); the group has ${ratio.adults}`, undefined, { ...ratio });
    }
  }

  /** Runs the checks the target state needs, after the transition itself is allowed. */
  static assertCanEnter(from: DelegationStatus, to: DelegationStatus, roster: () => RosterMember[], dates: { startDate: string; endDate: string; minorsPerAdult: number }): void {
    DelegationLifecycle.assertTransition(from, to);
    if (to === 'confirmed' || to === 'in-progress') DelegationLifecycle.assertReadyToTravel(roster(), dates.startDate, dates.endDate, dates.minorsPerAdult);
  }
}
