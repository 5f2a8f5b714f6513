import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, Validate, ValidateIf } from 'class-validator';
import { PROGRAMME_AREAS, ProgrammeArea } from '../../partnerships/domain/programme-area';
import { DELEGATION_DIRECTIONS, DelegationDirection } from '../domain/delegation';
import { DATE_ONLY, IsIanaTimeZone } from '../domain/time-zone';
import { IsRealDate, NotBeforeStartDate } from './create-delegation.dto';

/** PATCH: only the fields given change. `version` (optional) must match the current one (409 otherwise). */
export class UpdateDelegationDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  purpose?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  hostCity?: string;

  @IsOptional()
  @Validate(IsIanaTimeZone)
  hostTimeZone?: string;

  @IsOptional()
  @Matches(DATE_ONLY, { message: 'startDate must be a date (YYYY-MM-DD)' })
  @Validate(IsRealDate)
  startDate?: string;

  @IsOptional()
  @Matches(DATE_ONLY, { message: 'endDate must be a date (YYYY-MM-DD)' })
  @Validate(IsRealDate)
  @Validate(NotBeforeStartDate)
  endDate?: string;

  /** null clears it. */
  @ValidateIf((o: UpdateDelegationDto) => o.programmeArea !== null && o.programmeArea !== undefined)
  @IsIn(PROGRAMME_AREAS)
  programmeArea?: ProgrammeArea | null;

  @IsOptional()
  @IsIn(DELEGATION_DIRECTIONS)
  direction?: DelegationDirection;

  /** null unlinks the partnership. */
  @ValidateIf((o: UpdateDelegationDto) => o.partnershipId !== null && o.partnershipId !== undefined)
  @IsUUID()
  partnershipId?: string | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  minorsPerAdult?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
