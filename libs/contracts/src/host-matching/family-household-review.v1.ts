import { IsArray, IsISO8601, IsUUID } from 'class-validator';

/**
 * `family.household-review-requested` v1 — a host or a coordinator changed who lives in a household
 * (members added or removed, a birth date changed): the family may not host minors until a youth
 * manager or an admin confirms the household. Member ids only, never names or birth dates (the
 * before / after stays in host matching). Topic `host-matching.family.events`, key: family id.
 */
export class FamilyHouseholdReviewRequestedV1 {
  @IsUUID()
  familyId!: string;

  @IsUUID()
  changeId!: string;

  @IsUUID()
  changedByUserId!: string;

  @IsISO8601({ strict: true })
  changedAt!: string;

  @IsArray()
  @IsUUID('all', { each: true })
  added!: string[];

  @IsArray()
  @IsUUID('all', { each: true })
  removed!: string[];

  @IsArray()
  @IsUUID('all', { each: true })
  birthDateChanged!: string[];
}

/**
 * `family.household-reviewed` v1 — a youth manager or an admin confirmed a household after the
 * changes named here. Topic `host-matching.family.events`, key: family id.
 */
export class FamilyHouseholdReviewedV1 {
  @IsUUID()
  familyId!: string;

  @IsArray()
  @IsUUID('all', { each: true })
  changeIds!: string[];

  @IsUUID()
  reviewedByUserId!: string;

  @IsISO8601({ strict: true })
  reviewedAt!: string;
}
