import { IsArray, IsISO8601, IsUUID } from 'class-validator';

/** Why a family is not eligible for minors: a code and, where it concerns one member, the member's id. Never a check's result. */
export interface VettingReasonV1 {
  code: string;
  memberId?: string;
}

/**
 * `family.vetting-lapsed` v1 — a family that was eligible to host minors no longer is (a check
 * expired, a member turned 18 without a check, ...). Raised once per change by the host-matching
 * vetting job. Topic `host-matching.family.events`, key: family id.
 */
export class FamilyVettingLapsedV1 {
  @IsUUID()
  familyId!: string;

  /** The calendar date the gate was evaluated for. */
  @IsISO8601({ strict: true })
  evaluatedOn!: string;

  @IsArray()
  reasons!: VettingReasonV1[];
}

/** `family.vetting-eligible` v1 — a family became eligible to host minors (again). Topic `host-matching.family.events`, key: family id. */
export class FamilyVettingEligibleV1 {
  @IsUUID()
  familyId!: string;

  @IsISO8601({ strict: true })
  evaluatedOn!: string;
}

/**
 * `family.vetting-expiring` v1 — a household member's background check expires within 30 days
 * (a renewal reminder, once per check). Only the check's id and expiry date travel, never its result.
 * Topic `host-matching.family.events`, key: family id.
 */
export class FamilyVettingExpiringV1 {
  @IsUUID()
  familyId!: string;

  @IsUUID()
  checkId!: string;

  @IsUUID()
  memberId!: string;

  @IsISO8601({ strict: true })
  expiresOn!: string;

  @IsISO8601({ strict: true })
  evaluatedOn!: string;
}
