import { ArrayNotEmpty, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/**
 * `delegation.updated` v1 — a coordinator changed a delegation's details (dates, title, host city,
 * time zone, programme area, ...). Topic `delegations.delegation.events`, keyed by delegation id.
 * Carries the delegation's planning fields after the change and the names of those that changed;
 * only organisational data (no member or participant data travels here).
 */
export class DelegationUpdatedV1 {
  @IsUUID()
  delegationId!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  changed!: string[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  hostCity!: string;

  @IsString()
  @IsNotEmpty()
  hostTimeZone!: string;

  @IsISO8601({ strict: true })
  startDate!: string;

  @IsISO8601({ strict: true })
  endDate!: string;

  @IsIn(['inbound', 'outbound'])
  direction!: string;

  @IsOptional()
  @IsString()
  programmeArea?: string | null;

  @IsOptional()
  @IsUUID()
  partnershipId?: string | null;

  @IsInt()
  @Min(1)
  @Max(20)
  minorsPerAdult!: number;

  @IsString()
  status!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsUUID()
  updatedByUserId!: string;
}
