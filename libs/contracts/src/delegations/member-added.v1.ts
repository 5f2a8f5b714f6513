import { IsBoolean, IsIn, IsUUID } from 'class-validator';

export const MEMBER_ROLES = ['official', 'delegate', 'student', 'chaperone', 'interpreter'] as const;
export const LODGING_NEEDS = ['homestay', 'hotel', 'none'] as const;

/**
 * `member.added` v1 — a participant joined a delegation. Topic `delegations.delegation.events`,
 * keyed by delegation id. Only ids, the role, the lodging need and the leader flag travel: never the
 * participant's name, date of birth, minor status, notes or any health, document or guardian data.
 */
export class MemberAddedV1 {
  @IsUUID()
  delegationId!: string;

  @IsUUID()
  memberId!: string;

  @IsUUID()
  participantId!: string;

  @IsIn(MEMBER_ROLES)
  role!: string;

  @IsIn(LODGING_NEEDS)
  lodgingNeed!: string;

  @IsBoolean()
  isLeader!: boolean;

  @IsUUID()
  addedByUserId!: string;
}
