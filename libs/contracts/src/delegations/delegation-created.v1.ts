import { IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** `delegation.created` v1 — a coordinator created a delegation (in state draft). */
export class DelegationCreatedV1 {
  @IsUUID()
  delegationId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  hostCity!: string;

  /** Calendar date in the host city, YYYY-MM-DD. */
  @IsISO8601({ strict: true })
  startDate!: string;

  @IsISO8601({ strict: true })
  endDate!: string;

  @IsString()
  @IsNotEmpty()
  status!: string;

  /** IANA time zone of the host city (e.g. `Asia/Shanghai`). Optional: added to v1 later, absent in older events. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  hostTimeZone?: string;

  /** The coordinator who created it (the envelope's organisationId is the owning organisation). */
  @IsOptional()
  @IsUUID()
  createdByUserId?: string;
}
