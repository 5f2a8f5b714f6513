import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const FAMILY_MEMBER_GENDERS = ['female', 'male', 'non-binary', 'undisclosed'] as const;
export const GUEST_GENDER_PREFERENCES = ['female', 'male', 'any'] as const;

/** A household member as other services may know it: no name, no background-check details. */
export interface FamilyMemberSummaryV1 {
  memberId: string;
  dateOfBirth: string;
  relation: string;
  gender: string;
}

/**
 * `family.registered` v1 — an organisation registered a host family. Topic
 * `host-matching.family.events`, keyed by family id; the envelope's organisationId is the owning
 * organisation.
 *
 * What travels: what matching and logistics need (coordinates, capacity, household traits,
 * preferences, availability, the members' ages, genders and relations). Never the street address,
 * the members' names or anything about background checks.
 */
export class FamilyRegisteredV1 {
  @IsUUID()
  familyId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name!: string;

  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude!: number;

  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude!: number;

  @IsInt()
  @Min(0)
  bedrooms!: number;

  /** Real beds (not a sofa or an air mattress). */
  @IsInt()
  @Min(0)
  beds!: number;

  @IsArray()
  @IsString({ each: true })
  pets!: string[];

  @IsBoolean()
  smoking!: boolean;

  @IsArray()
  @IsString({ each: true })
  languages!: string[];

  @IsArray()
  @IsString({ each: true })
  diets!: string[];

  @IsArray()
  @IsString({ each: true })
  interests!: string[];

  @IsOptional()
  @IsInt()
  guestAgeMin!: number | null;

  @IsOptional()
  @IsInt()
  guestAgeMax!: number | null;

  @IsIn(GUEST_GENDER_PREFERENCES)
  guestGender!: string;

  /** `{ from, to }` calendar dates, inclusive. */
  @IsArray()
  availability!: { from: string; to: string }[];

  @IsInt()
  @Min(0)
  timesHosted!: number;

  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  hostUserIds!: string[];

  @IsArray()
  members!: FamilyMemberSummaryV1[];

  @IsUUID()
  registeredByUserId!: string;
}
