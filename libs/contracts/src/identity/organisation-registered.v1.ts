import { IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/**
 * `organisation.registered` v1 — a member organisation (a tenant) was created in the gateway.
 * Topic `gateway.organisation.events`, keyed by the organisation id.
 */
export class OrganisationRegisteredV1 {
  @IsUUID()
  organisationId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  city!: string;

  /** ISO 3166-1 alpha-2, upper case (e.g. `US`). */
  @Matches(/^[A-Z]{2}$/)
  country!: string;

  /** IANA time zone, e.g. `America/Los_Angeles`. */
  @IsString()
  @IsNotEmpty()
  timeZone!: string;

  /** BCP 47, e.g. `en`, `zh-CN`. */
  @IsString()
  @IsNotEmpty()
  defaultLanguage!: string;
}
