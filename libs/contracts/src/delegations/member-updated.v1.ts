import { ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsString, IsUUID } from 'class-validator';
import { LODGING_NEEDS, MEMBER_ROLES } from './member-added.v1';

/**
 * `member.updated` v1 — a member's role, lodging need, leader flag or notes changed. Same topic, key
 * and field rules as `member.added`: the notes themselves never travel (only that they changed).
 */
export class MemberUpdatedV1 {
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

  /** Names of the fields that changed (`role`, `lodgingNeed`, `isLeader`, `notes`). */
  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  changed!: string[];

  @IsUUID()
  updatedByUserId!: string;
}
