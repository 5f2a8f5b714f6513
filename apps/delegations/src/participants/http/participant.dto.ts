import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsISO31661Alpha2, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { PARTICIPANT_GENDERS } from '@twinning/contracts';
import { IsCalendarDate, PageQueryDto } from '@twinning/platform-http';
import { CodedAllergiesDto } from './coded-allergies.dto';
import { CodedDietDto } from './coded-diet.dto';

/** A BCP 47 language tag, e.g. `en`, `zh-Hans-CN`, `ps-AF`. */
const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
export const VISA_STATUSES = ['not-required', 'required', 'applied', 'granted', 'refused'] as const;
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value);

export class EmergencyContactDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) relation!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) phone!: string;
  @IsOptional() @IsEmail() @MaxLength(320) email?: string;
}

export class GuardianDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) relation!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) phone!: string;
  @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  /** When the guardian gave consent (ISO 8601 instant); absent = no consent yet. */
  @IsOptional() @IsISO8601({ strict: true }) consentGivenAt?: string;
  /** What the consent covers (e.g. "travel, homestay, medical treatment"). */
  @IsOptional() @IsString() @MaxLength(500) consentScope?: string;
  @IsOptional() @IsCalendarDate() consentExpiresOn?: string;
}

/** The fields optional on create as well as on update (arrays are replaced as a whole). */
class ParticipantOptionalFields {
  @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(BCP47, { each: true, message: 'each of languages must be a BCP 47 language tag' }) languages?: string[];
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CodedDietDto) dietaryNeeds?: CodedDietDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CodedAllergiesDto) allergies?: CodedAllergiesDto;
  @IsOptional() @IsString() @MaxLength(10000) medicalNotes?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => GuardianDto) guardians?: GuardianDto[];
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(50) passportNumber?: string;
  @IsOptional() @IsCalendarDate() passportExpiry?: string;
  @IsOptional() @IsIn(VISA_STATUSES) visaStatus?: string;
}

export class CreateParticipantDto extends ParticipantOptionalFields {
  @IsString() @IsNotEmpty() @MaxLength(120) givenName!: string;
  @IsString() @IsNotEmpty() @MaxLength(120) familyName!: string;
  @IsCalendarDate() dateOfBirth!: string;
  @IsIn(PARTICIPANT_GENDERS) gender!: string;
  @Transform(upper) @IsISO31661Alpha2() nationality!: string;

  /** At least one. */
  @IsArray({ message: 'emergencyContacts must contain at least one contact' })
  @ArrayMinSize(1, { message: 'emergencyContacts must contain at least one contact' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EmergencyContactDto)
  emergencyContacts!: EmergencyContactDto[];
}

/** Every field optional: what a PATCH may change (arrays are replaced as a whole; emergency contacts cannot become empty). */
export class UpdateParticipantDto extends ParticipantOptionalFields {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) givenName?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) familyName?: string;
  @IsOptional() @IsCalendarDate() dateOfBirth?: string;
  @IsOptional() @IsIn(PARTICIPANT_GENDERS) gender?: string;
  @IsOptional() @Transform(upper) @IsISO31661Alpha2() nationality?: string;

  @IsOptional()
  @IsArray({ message: 'emergencyContacts must contain at least one contact' })
  @ArrayMinSize(1, { message: 'emergencyContacts must contain at least one contact' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EmergencyContactDto)
  emergencyContacts?: EmergencyContactDto[];
}

export const PARTICIPANT_SORTS = ['familyName', '-familyName', 'dateOfBirth', '-dateOfBirth', 'createdAt', '-createdAt'] as const;

export class ListParticipantsDto extends PageQueryDto {
  /** Matches given or family name (case-insensitive, substring). */
  @IsOptional() @IsString() @MaxLength(120) q?: string;
  @IsOptional() @IsUUID() delegationId?: string;
  /** `true`: under 18 today; `false`: 18 or older. */
  @IsOptional() @IsIn(['true', 'false']) minor?: 'true' | 'false';
  @IsOptional() @Transform(upper) @IsISO31661Alpha2() nationality?: string;
  /** `true`: the organisation's own participants with an allergy note not coded yet (what a youth manager has to code). */
  @IsOptional() @IsIn(['true', 'false']) needsCoding?: 'true' | 'false';
  @IsOptional() @IsIn(PARTICIPANT_SORTS) sort: (typeof PARTICIPANT_SORTS)[number] = 'familyName';
}
