import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsISO8601, IsIn, IsInt, IsLatitude, IsLongitude, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@twinning/platform-http';
import { GROUP_KINDS } from '../domain/matching-problem';
import { OFFER_STATUSES } from '../domain/offer-state';

export class VenueDto {
  @IsLatitude() latitude!: number;
  @IsLongitude() longitude!: number;
}

export class GroupDto {
  /** `together`: placed in the same family (siblings, pairs); `apart`: never in the same family. */
  @IsIn(GROUP_KINDS) kind!: 'together' | 'apart';
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(12) @ArrayUnique() @IsUUID('all', { each: true }) memberIds!: string[];
}

export class MatchingSettingsDto {
  @IsOptional() @IsString() @MaxLength(200) venueName?: string | null;
  /** where the programme takes place (the distance rule measures family to venue) */
  @IsOptional() @ValidateNested() @Type(() => VenueDto) venue?: VenueDto | null;
  @IsOptional() @IsNumber() @Min(0) @Max(500) maxDistanceKm?: number;
  @IsOptional() @IsIn(['same-gender-host-parent-present', 'none']) minorsGenderRule?: 'same-gender-host-parent-present' | 'none';
  /** how long a family has to answer an offer (default 72 hours) */
  @IsOptional() @IsInt() @Min(1) @Max(24 * 30) offerResponseHours?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => GroupDto) groups?: GroupDto[];
}

export class ReleaseOffersDto {
  /** the proposals to release; all open proposals with a family when omitted */
  @IsOptional() @IsArray() @ArrayMaxSize(2000) @IsUUID('all', { each: true }) proposalIds?: string[];
}

export class AssignDto {
  @IsUUID() memberId!: string;
  @IsUUID() familyId!: string;
  /** required (true) when the pair breaks a hard rule that may be overridden */
  @IsOptional() @IsBoolean() acknowledgeBrokenRules?: boolean;
  /** why the coordinator overrides (required when rules are broken); recorded with the offer */
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class WhyNotQueryDto {
  @IsUUID() memberId!: string;
  @IsUUID() familyId!: string;
}

export class DeclineDto {
  @IsString() @MinLength(3) @MaxLength(500) reason!: string;
}

export class WithdrawDto {
  @IsString() @MinLength(3) @MaxLength(500) reason!: string;
}

export class ListOffersDto extends PageQueryDto {
  @IsOptional() @IsUUID() delegationId?: string;
  @IsOptional() @IsIn(OFFER_STATUSES) status?: string;
  /** only offers whose answer deadline is before this instant (ISO 8601), e.g. open offers about to expire */
  @IsOptional() @IsISO8601({ strict: true }) deadlineBefore?: string;
}

export class RoomingListQueryDto {
  /** `csv`, `html`, or JSON (default; `Accept: text/csv` or `text/html` also choose) */
  @IsOptional() @IsIn(['json', 'csv', 'html']) format?: 'json' | 'csv' | 'html';
}
