import { ArrayMaxSize, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PARTICIPANT_GENDERS } from './participant-registered.v1';

/**
 * `participant.matching-profile-changed` v1 — what host matching needs to place a participant with a
 * host family, published by delegations whenever the participant (or a guardian's consent) changes.
 *
 * RESTRICTED topic `delegations.participant-matching.events` (key: participant id): unlike
 * `delegations.participant.events`, which every consumer reads, this one carries the full date of
 * birth, dietary needs and allergies, and only host-matching subscribes to it (documented in the
 * README; a deployment with Kafka ACLs grants read on it to the host-matching principal only).
 * Never on it: medical notes, emergency contacts, guardian names or contacts, passport data.
 * `guardianConsentOnFile` is true when at least one guardian's consent is recorded and not expired
 * (what a minor's placement needs before it is confirmed).
 */
export class ParticipantMatchingProfileChangedV1 {
  @IsUUID()
  participantId!: string;

  @IsString()
  @MaxLength(120)
  givenName!: string;

  @IsString()
  @MaxLength(120)
  familyName!: string;

  @IsISO8601({ strict: true })
  dateOfBirth!: string;

  @IsIn(PARTICIPANT_GENDERS)
  gender!: string;

  @ArrayMaxSize(20)
  @IsString({ each: true })
  languages!: string[];

  @IsString()
  @Length(2, 2)
  @Matches(/^[A-Z]{2}$/)
  nationality!: string;

  /** Dietary requirements, one per entry, lower-case ('vegetarian', 'halal', ...). */
  @ArrayMaxSize(30)
  @IsString({ each: true })
  diet!: string[];

  /** Allergies, one per entry, lower-case ('cats', 'peanuts', 'smoke', ...). */
  @ArrayMaxSize(30)
  @IsString({ each: true })
  allergies!: string[];

  /** A smoke-free household is required (a smoke allergy or asthma implies it). */
  @IsBoolean()
  nonSmokingRequired!: boolean;

  @IsBoolean()
  guardianConsentOnFile!: boolean;

  /** The last date the consent on file is valid for (when it has an expiry). */
  @IsOptional()
  @IsISO8601({ strict: true })
  guardianConsentExpiresOn?: string;
}
