import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PARTICIPANT_GENDERS } from './participant-registered.v1';

/** The participant properties that may travel in `participant.updated` (the same as in `participant.registered`). */
export const PARTICIPANT_PUBLIC_FIELDS = ['givenName', 'familyName', 'dateOfBirth', 'gender', 'languages', 'nationality', 'visaStatus'] as const;

/**
 * `participant.updated` v1 — non-sensitive participant data changed. Topic
 * `delegations.participant.events`, key: participant id. Published once per PATCH that changed at
 * least one non-sensitive field; a change touching only sensitive data (medical notes, allergies,
 * dietary needs, emergency contacts, guardians, passport) publishes nothing.
 *
 * What travels: `changedFields` (names from PARTICIPANT_PUBLIC_FIELDS only; a changed date of birth is
 * reported as `dateOfBirth` but only the birth year travels) and the current values of the
 * non-sensitive fields. Medical notes, allergies, dietary needs, emergency and guardian contacts,
 * consent, passport data never travel.
 */
export class ParticipantUpdatedV1 {
  @IsUUID()
  participantId!: string;

  @IsArray()
  @IsIn(PARTICIPANT_PUBLIC_FIELDS, { each: true })
  changedFields!: string[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  givenName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  familyName!: string;

  @IsInt()
  @Min(1900)
  @Max(2200)
  birthYear!: number;

  @IsIn(PARTICIPANT_GENDERS)
  gender!: string;

  @ArrayMaxSize(20)
  @IsString({ each: true })
  languages!: string[];

  @IsString()
  @Length(2, 2)
  @Matches(/^[A-Z]{2}$/)
  nationality!: string;

  @IsString()
  @IsNotEmpty()
  visaStatus!: string;

  @IsUUID()
  updatedByUserId!: string;
}
