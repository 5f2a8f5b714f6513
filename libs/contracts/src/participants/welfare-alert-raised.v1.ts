import { IsInt, IsISO8601, IsUUID, Max, Min } from 'class-validator';

/**
 * `welfare.alert-raised` v1 — a check-in rated a member's welfare poor (rating ≤ 2). Published in
 * the same transaction as the check-in (so exactly once per poor check-in). Topic
 * `delegations.participant.events`, key: participant id.
 *
 * What travels: ids, the rating and when. The check-in's notes never travel; nor medical notes,
 * allergies or guardian contacts — whoever acts on the alert reads the record through the API,
 * where the sensitive-field rule applies.
 */
export class WelfareAlertRaisedV1 {
  @IsUUID()
  checkInId!: string;

  @IsUUID()
  delegationId!: string;

  @IsUUID()
  participantId!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  welfareRating!: number;

  @IsISO8601({ strict: true })
  checkedAt!: string;

  @IsUUID()
  recordedByUserId!: string;
}
