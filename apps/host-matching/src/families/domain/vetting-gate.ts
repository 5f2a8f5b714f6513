import { addDays, birthday, daysBetween } from './calendar';

export const CHECK_RESULTS = ['clear', 'concern'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** What a coordinator may know of a member's check (README: results are for youth managers and admins only). */
export type CheckStatus = 'valid' | 'expired' | 'missing' | 'not-required';

export interface GateMember { id: string; name: string; dateOfBirth: string }
export interface GateCheck { id: string; memberId: string; result: CheckResult; checkedOn: string; expiresOn: string }
export interface GateVisit { id: string; visitedOn: string }
/** Household changes waiting for a youth manager's or admin's review (HouseholdChange.needsReviewBy): the first one's day and how many. */
export interface GatePendingReview { since: string; changes: number }

export type VettingReasonCode = 'NO_ADULT_MEMBER' | 'CHECK_MISSING' | 'CHECK_EXPIRED' | 'CHECK_CONCERN' | 'HOME_VISIT_MISSING' | 'HOUSEHOLD_REVIEW_PENDING';

export interface VettingReason {
  code: VettingReasonCode;
  message: string;
  memberId?: string;
  memberName?: string;
  /** CHECK_MISSING: the day the member turned 18; CHECK_EXPIRED: the day the last check expired; HOUSEHOLD_REVIEW_PENDING: the day of the first unreviewed change. */
  since?: string;
}

/** Something that will make the family ineligible soon unless renewed. */
export interface VettingWarning {
  code: 'CHECK_EXPIRING' | 'MEMBER_TURNS_18';
  memberId: string;
  memberName: string;
  /** The expiry date, or the 18th birthday. */
  on: string;
  checkId?: string;
  message: string;
}

export interface MemberVetting {
  memberId: string;
  adult: boolean;
  /** valid: a clear check on file that has not expired; expired: only expired ones; missing: none (or none clear). */
  status: CheckStatus;
  /** The check that counts (the latest-expiring clear one, else the latest one). */
  checkId: string | null;
  expiresOn: string | null;
}

export interface VettingEvaluation {
  on: string;
  eligible: boolean;
  reasons: VettingReason[];
  warnings: VettingWarning[];
  members: MemberVetting[];
  homeVisitOn: string | null;
}

export const ADULT_AGE = 18;
export const REMINDER_DAYS = 30;

/**
 * The safeguarding gate for hosting minors (product.md, "Safeguarding rules"): on a given day, a
 * family is eligible only if it has at least one adult, every member aged 18 or over on that day
 * has a clear background check that is not expired (a check is valid from `checkedOn` up to the
 * day before `expiresOn`: on its expiry date it no longer counts), and a home visit has been
 * recorded on or before that day, and no change of the household's members waits for a youth
 * manager's review (the members the gate sees are then the ones a reviewer confirmed). Warnings list what runs out within `REMINDER_DAYS`: checks
 * expiring and minors turning 18.
 */
export class VettingGate {
  constructor(
    private readonly members: GateMember[],
    private readonly checks: GateCheck[],
    private readonly visits: GateVisit[],
    private readonly pendingReview: GatePendingReview | null = null,
  ) {}

  evaluate(on: string): VettingEvaluation {
    const reasons: VettingReason[] = [];
    const warnings: VettingWarning[] = [];
    const members: MemberVetting[] = [];
    const horizon = addDays(on, REMINDER_DAYS);

    for (const m of this.members) {
      const adultOn = birthday(m.dateOfBirth, ADULT_AGE);
      const adult = adultOn <= on;
      const mine = this.checks.filter((c) => c.memberId === m.id && c.checkedOn <= on).sort((a, b) => (a.expiresOn < b.expiresOn ? 1 : -1));
      const valid = mine.filter((c) => c.expiresOn > on);
      const clear = valid.find((c) => c.result === 'clear');
      if (!adult) {
        members.push({ memberId: m.id, adult, status: 'not-required', checkId: clear?.id ?? null, expiresOn: clear?.expiresOn ?? null });
        if (adultOn <= horizon && !(clear && clear.expiresOn > adultOn)) {
          warnings.push({ code: 'MEMBER_TURNS_18', memberId: m.id, memberName: m.name, on: adultOn, message: `${m.name} turns 18 on ${adultOn} and needs a background check by then` });
        }
        continue;
      }
      if (clear) {
        members.push({ memberId: m.id, adult, status: 'valid', checkId: clear.id, expiresOn: clear.expiresOn });
        if (clear.expiresOn <= horizon) {
          warnings.push({ code: 'CHECK_EXPIRING', memberId: m.id, memberName: m.name, on: clear.expiresOn, checkId: clear.id, message: `the background check of ${m.name} expires on ${clear.expiresOn} (in ${daysBetween(on, clear.expiresOn)} days)` });
        }
        continue;
      }
      const concern = valid.find((c) => c.result === 'concern');
      if (concern) {
        members.push({ memberId: m.id, adult, status: 'missing', checkId: concern.id, expiresOn: concern.expiresOn });
        reasons.push({ code: 'CHECK_CONCERN', memberId: m.id, memberName: m.name, message: `the background check of ${m.name} is not clear` });
      } else if (mine.length > 0) {
        members.push({ memberId: m.id, adult, status: 'expired', checkId: mine[0].id, expiresOn: mine[0].expiresOn });
        reasons.push({ code: 'CHECK_EXPIRED', memberId: m.id, memberName: m.name, since: mine[0].expiresOn, message: `the background check of ${m.name} expired on ${mine[0].expiresOn}` });
      } else {
        members.push({ memberId: m.id, adult, status: 'missing', checkId: null, expiresOn: null });
        reasons.push({ code: 'CHECK_MISSING', memberId: m.id, memberName: m.name, since: adultOn, message: `${m.name} is 18 or over (since ${adultOn}) and has no background check` });
      }
    }
    if (!members.some((m) => m.adult)) reasons.unshift({ code: 'NO_ADULT_MEMBER', message: 'the household has no member aged 18 or over' });

    const visit = this.visits.filter((v) => v.visitedOn <= on).sort((a, b) => (a.visitedOn < b.visitedOn ? 1 : -1))[0];
    if (!visit) reasons.push({ code: 'HOME_VISIT_MISSING', message: 'no home visit is recorded' });
    if (this.pendingReview) {
      const { since, changes } = this.pendingReview;
      reasons.push({ code: 'HOUSEHOLD_REVIEW_PENDING', since, message: `the household's members changed (${changes} change${changes === 1 ? '' : 's'} since ${since}) and wait for a youth manager's or an admin's review` });
    }

    return { on, eligible: reasons.length === 0, reasons, warnings, members, homeVisitOn: visit?.visitedOn ?? null };
  }
}
