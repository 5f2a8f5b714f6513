import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LODGING_NEEDS, LodgingNeed, MEMBER_ROLES, MemberRole } from '../domain/member';

export class AddMemberDto {
  /** A participant of the same organisation. */
  @IsUUID()
  participantId!: string;

  @IsIn(MEMBER_ROLES)
  role!: MemberRole;

  @IsIn(LODGING_NEEDS)
  lodgingNeed!: LodgingNeed;

  @IsOptional()
  @IsBoolean()
  isLeader?: boolean;

  /** Free text for the organisers (never published in events). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class UpdateMemberDto {
  @IsOptional()
  @IsIn(MEMBER_ROLES)
  role?: MemberRole;

  @IsOptional()
  @IsIn(LODGING_NEEDS)
  lodgingNeed?: LodgingNeed;

  @IsOptional()
  @IsBoolean()
  isLeader?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}
