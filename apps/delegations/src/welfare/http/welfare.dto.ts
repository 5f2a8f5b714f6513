import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CHECK_IN_METHODS, INCIDENT_SEVERITIES, INCIDENT_TYPES } from '@twinning/contracts';
import { PageQueryDto } from '@twinning/platform-http';

export class RecordCheckInDto {
  /** A member of the delegation. */
  @IsUUID() participantId!: string;
  /** When it happened (ISO 8601 instant); defaults to now. */
  @IsOptional() @IsISO8601({ strict: true }) checkedAt?: string;
  @IsIn(CHECK_IN_METHODS) method!: string;
  /** 1 (very poor) … 5 (very good); 2 or less raises a welfare alert. */
  @IsInt() @Min(1) @Max(5) welfareRating!: number;
  @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}

export class ListCheckInsDto extends PageQueryDto {
  @IsOptional() @IsUUID() participantId?: string;
}

export class OpenIncidentDto {
  @IsUUID() delegationId!: string;
  @IsIn(INCIDENT_TYPES) type!: string;
  @IsIn(INCIDENT_SEVERITIES) severity!: string;
  @IsString() @IsNotEmpty() @MaxLength(10000) description!: string;
  /** Members of the delegation involved (may be empty). */
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) participantIds!: string[];
  @IsISO8601({ strict: true }) occurredAt!: string;
}

export class ListIncidentsDto extends PageQueryDto {
  @IsOptional() @IsUUID() delegationId?: string;
  @IsOptional() @IsIn(['open', 'reported', 'closed']) status?: string;
  @IsOptional() @IsIn(INCIDENT_TYPES) type?: string;
  @IsOptional() @IsIn(INCIDENT_SEVERITIES) severity?: string;
  /** `true`: past its escalation deadline and not reported. */
  @IsOptional() @IsIn(['true', 'false']) overdue?: 'true' | 'false';
  @IsOptional() @IsIn(['openedAt', '-openedAt', 'reportDueAt']) sort: 'openedAt' | '-openedAt' | 'reportDueAt' = '-openedAt';
}

export class ReportIncidentDto {
  /** The authority it was reported to (e.g. "Tacoma Police Department", "Fuzhou child protection"). */
  @IsString() @IsNotEmpty() @MaxLength(300) reportedTo!: string;
  /** When it was reported; defaults to now. */
  @IsOptional() @IsISO8601({ strict: true }) reportedAt?: string;
}
