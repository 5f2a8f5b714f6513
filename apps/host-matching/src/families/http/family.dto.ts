import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, Validate, ValidateNested,
  ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface,
} from 'class-validator';
import { DIET_CODES, FAMILY_MEMBER_GENDERS, GUEST_GENDER_PREFERENCES, PET_CODES } from '@twinning/contracts';
import { isCalendarDate } from '../domain/calendar';
import { PageQueryDto } from '@twinning/platform-http';

@ValidatorConstraint({ name: 'isCalendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(v: unknown): boolean {
    return isCalendarDate(v);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a date (YYYY-MM-DD)`;
  }
}

const text = { each: true, message: '$property must contain non-empty strings of at most 80 characters' };

export class AvailabilityWindowDto {
  @Validate(IsCalendarDate)
  from!: string;

  @Validate(IsCalendarDate)
  to!: string;
}

export class HouseholdMemberDto {
  /** An existing member's id keeps that member (and their background checks); without it a new member is added. */
  @IsOptional()
  @IsUUID()
  id?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name!: string;

  @Validate(IsCalendarDate)
  dateOfBirth!: string;

  /** e.g. parent, child, grandparent, lodger. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  relation!: string;

  @IsIn(FAMILY_MEMBER_GENDERS)
  gender!: string;
}

/** The optional part of a family's profile (create and update). hostUserIds and timesHosted: coordinators and admins only. */
class FamilyOptionalFields {
  /** Pets in the home, as codes of the vocabulary (what the allergy rule compares). */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(PET_CODES.length)
  @IsIn(PET_CODES, { each: true, message: `each of pets must be one of: ${PET_CODES.join(', ')}` })
  pets?: string[];

  /** About the pets, for people (breed, kept outdoors...); never read by a rule. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  petsNote?: string;

  @IsOptional()
  @IsBoolean()
  smoking?: boolean;

  /** BCP 47 tags. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString(text)
  @IsNotEmpty(text)
  @MaxLength(80, text)
  languages?: string[];

  /** Diets the family can cater for, as codes of the vocabulary (e.g. vegetarian, halal). */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(DIET_CODES.length)
  @IsIn(DIET_CODES, { each: true, message: `each of diets must be one of: ${DIET_CODES.join(', ')}` })
  diets?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  dietsNote?: string;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(40)
  @IsString(text)
  @IsNotEmpty(text)
  @MaxLength(80, text)
  interests?: string[];

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  guestAgeMin?: number | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  guestAgeMax?: number | null;

  @IsOptional()
  @IsIn(GUEST_GENDER_PREFERENCES)
  guestGender?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowDto)
  availability?: AvailabilityWindowDto[];

  /** The whole household (replaces the list; members keep their id). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => HouseholdMemberDto)
  members?: HouseholdMemberDto[];

  /** Coordinators and admins only. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  hostUserIds?: string[];

  /** Coordinators and admins only. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  timesHosted?: number;
}

export class CreateFamilyDto extends FamilyOptionalFields {
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(400)
  address!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude!: number;

  /** Bedrooms available to guests. */
  @IsInt()
  @Min(0)
  @Max(50)
  bedrooms!: number;

  /** Real beds for guests (not a sofa or an air mattress). */
  @IsInt()
  @Min(0)
  @Max(50)
  beds!: number;
}

export class UpdateFamilyDto extends FamilyOptionalFields {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(400)
  address?: string;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  bedrooms?: number;

  /** Real beds only (not a sofa or an air mattress). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  beds?: number;
}

export class ListFamiliesDto extends PageQueryDto {
  /** Case-insensitive part of the family's name. */
  @IsOptional()
  @IsString()
  @MaxLength(160)
  q?: string;
}

export class RecordCheckDto {
  @IsUUID()
  memberId!: string;

  @IsIn(['clear', 'concern'])
  result!: string;

  @Validate(IsCalendarDate)
  checkedOn!: string;

  @Validate(IsCalendarDate)
  expiresOn!: string;
}

export class RecordHomeVisitDto {
  /** Who visited (name of the staff member or volunteer). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  visitedBy!: string;

  @Validate(IsCalendarDate)
  visitedOn!: string;

  /** Who of the household was present. */
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(160, { each: true })
  present!: string[];

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class RecordReferenceDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name!: string;

  /** How the referee knows the family (neighbour, teacher, ...). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  relation!: string;

  /** Phone or e-mail. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  contact!: string;

  @Validate(IsCalendarDate)
  receivedOn!: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}
