import { ArrayMaxSize, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

export const PARTICIPANT_GENDERS = ['female', 'male', 'non-binary', 'undisclosed'] as const;

/**
 * `participant.registered` v1 — an organisation recorded a new participant (a person reused
 * across delegations and years). Topic `delegations.participant.events`, key: participant id; the
 * envelope's organisationId is the owning organisation.
 *
 * What travels: id, given and family name, birth YEAR only (not the full date of birth), gender,
 * languages, nationality and visa status. What never travels: the full date of birth, medical notes,
 * allergies, dietary needs, emergency contacts, guardians (names, contacts, consent), passport number
 * and expiry. Dietary needs and allergies are deliberately left out even though host matching will
 * need them: a host sees them only for its own guest (relation host-of-guest), which host matching
 * will get through the placement flow (#5), never through this topic that every consumer reads.
 */
export class ParticipantRegisteredV1 {
  @IsUUID()
  participantId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  givenName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  familyName!: string;

  /** Year of birth only (enough to tell minors from adults at a visit's date, roughly). */
  @IsInt()
  @Min(1900)
  @Max(2200)
  birthYear!: number;

  @IsIn(PARTICIPANT_GENDERS)
  gender!: string;

  /** BCP 47 tags. */
  @ArrayMaxSize(20)
  @IsString({ each: true })
  languages!: string[];

  /** ISO 3166-1 alpha-2. */
  @IsString()
  @Length(2, 2)
  @Matches(/^[A-Z]{2}$/)
  nationality!: string;

  @IsString()
  @IsNotEmpty()
  visaStatus!: string;

  @IsUUID()
  createdByUserId!: string;
}
