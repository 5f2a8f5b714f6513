import { ArrayMaxSize, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ALLERGEN_CODES, DIET_CODES } from '../vocabulary/vocabulary';
import { PARTICIPANT_GENDERS } from './participant-registered.v1';

/**
 * `participant.matching-profile-changed` v2 — the v1 profile with diet and allergies as codes of the vocabulary
 * (libs/contracts/src/vocabulary) instead of free-text entries: the hard rules compare codes, so a v1 consumer
 * reading free text would compare the wrong thing (a breaking change, hence a new version). Same RESTRICTED topic
 * `delegations.participant-matching.events`, same rules of what never travels on it (see v1).
 *
 * The notes are for people (the hosts' welcome packet) and never drive a rule. `allergiesNeedCoding` is true
 * while an allergy note has not been coded by a youth manager: host matching then keeps the guest away from every
 * family with pets.
 */
export class ParticipantMatchingProfileChangedV2 {
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

  @ArrayMaxSize(DIET_CODES.length)
  @IsIn(DIET_CODES, { each: true })
  diet!: string[];

  @IsString()
  @MaxLength(2000)
  dietNote!: string;

  @ArrayMaxSize(ALLERGEN_CODES.length)
  @IsIn(ALLERGEN_CODES, { each: true })
  allergies!: string[];

  @IsString()
  @MaxLength(2000)
  allergyNote!: string;

  @IsBoolean()
  allergiesNeedCoding!: boolean;

  /** A smoke-free household is required (the smoke allergen). */
  @IsBoolean()
  nonSmokingRequired!: boolean;

  @IsBoolean()
  guardianConsentOnFile!: boolean;

  @IsOptional()
  @IsISO8601({ strict: true })
  guardianConsentExpiresOn?: string;
}
