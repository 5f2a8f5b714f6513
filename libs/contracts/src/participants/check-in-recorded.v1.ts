import { IsIn, IsISO8601, IsInt, IsUUID, Max, Min } from 'class-validator';

export const CHECK_IN_METHODS = ['in-person', 'phone', 'video', 'message'] as const;

/**
 * `check-in.recorded` v1 — someone checked on a delegation member's welfare during a visit. Topic
 * `delegations.participant.events`, key: participant id.
 *
 * What travels: ids, when, how and the 1–5 welfare rating. The free-text notes never travel (they may
 * hold health or family details), nor any medical notes, allergies or guardian contacts.
 */
export class CheckInRecordedV1 {
  @IsUUID()
  checkInId!: string;

  @IsUUID()
  delegationId!: string;

  @IsUUID()
  participantId!: string;

  @IsISO8601({ strict: true })
  checkedAt!: string;

  @IsIn(CHECK_IN_METHODS)
  method!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  welfareRating!: number;

  @IsUUID()
  recordedByUserId!: string;
}
