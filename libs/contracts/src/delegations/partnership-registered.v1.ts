import { ArrayUnique, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export const PARTNERSHIP_PROGRAMME_AREAS = ['arts-culture', 'youth-education', 'economic-development', 'municipal-technical', 'humanitarian'] as const;

/**
 * `partnership.registered` v1 — an organisation registered a partner city. Topic
 * `delegations.partnership.events`, keyed by partnership id; the envelope's organisationId is the
 * owning organisation. Every field is organisational (no personal data).
 */
export class PartnershipRegisteredV1 {
  @IsUUID()
  partnershipId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  partnerCity!: string;

  /** ISO 3166-1 alpha-2. */
  @IsString()
  @Length(2, 2)
  partnerCountry!: string;

  /** IANA time zone of the partner city. */
  @IsString()
  @IsNotEmpty()
  partnerTimeZone!: string;

  @IsOptional()
  @IsUUID()
  partnerOrganisationId?: string | null;

  @IsISO8601({ strict: true })
  establishedOn!: string;

  @IsArray()
  @ArrayUnique()
  @IsIn(PARTNERSHIP_PROGRAMME_AREAS, { each: true })
  programmeAreas!: string[];

  @IsIn(['active', 'dormant', 'ended'])
  status!: string;

  @IsUUID()
  registeredByUserId!: string;
}
