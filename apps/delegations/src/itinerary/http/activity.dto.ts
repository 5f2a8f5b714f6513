import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Validate, ValidateIf,
  ValidatorConstraint, ValidatorConstraintInterface,
} from 'class-validator';
import { canonicalZone, LOCAL_DATE_TIME } from '../domain/local-time';

@ValidatorConstraint({ name: 'ianaTimeZone' })
class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && canonicalZone(value) !== undefined;
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone (e.g. Europe/Paris)';
  }
}

/** Optional, but when given it must be a value (null is not "leave unchanged"). */
const Present = () => ValidateIf((_o: object, value: unknown) => value !== undefined);

const LOCAL_MESSAGE = (field: string) => `${field} must be a local date and time in the host city without offset (YYYY-MM-DDTHH:mm)`;

export class CreateActivityDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  /** Host-city wall clock, no offset: `2027-04-12T09:30`. */
  @IsString()
  @Matches(LOCAL_DATE_TIME, { message: LOCAL_MESSAGE('startsLocal') })
  startsLocal!: string;

  @IsString()
  @Matches(LOCAL_DATE_TIME, { message: LOCAL_MESSAGE('endsLocal') })
  endsLocal!: string;

  /** The IANA zone of startsLocal/endsLocal; the delegation's host time zone when omitted. */
  @IsOptional()
  @IsString()
  @Validate(IsIanaTimeZone)
  timeZone?: string;

  /** The delegation_member ids attending; omitted or null: all members. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  attendeeMemberIds?: string[] | null;
}

export class UpdateActivityDto {
  @Present()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @Present()
  @IsString()
  @MaxLength(200)
  venue?: string;

  @Present()
  @IsString()
  @MaxLength(500)
  address?: string;

  @Present()
  @IsString()
  @Matches(LOCAL_DATE_TIME, { message: LOCAL_MESSAGE('startsLocal') })
  startsLocal?: string;

  @Present()
  @IsString()
  @Matches(LOCAL_DATE_TIME, { message: LOCAL_MESSAGE('endsLocal') })
  endsLocal?: string;

  @Present()
  @IsString()
  @Validate(IsIanaTimeZone)
  timeZone?: string;

  /** null: back to all members; an array: exactly these members. */
  @ValidateIf((o: UpdateActivityDto) => o.attendeeMemberIds !== null && o.attendeeMemberIds !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  attendeeMemberIds?: string[] | null;
}
