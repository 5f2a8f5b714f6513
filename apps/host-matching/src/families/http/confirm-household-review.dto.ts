import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** A youth manager's or admin's confirmation of a household after its members changed. */
export class ConfirmHouseholdReviewDto {
  /** The newest pending change the reviewer looked at (`householdReview.lastPendingChangeId` of the vetting); later changes stay pending. */
  @IsUUID()
  lastChangeId!: string;

  /** What the reviewer checked (e.g. "called the family: the lodger moved out on 1 March"). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;
}
