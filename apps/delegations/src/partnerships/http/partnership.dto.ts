import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Validate, ValidateIf } from 'class-validator';
import { ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { IsIanaTimeZone } from '../../delegations/domain/time-zone';
import { PARTNERSHIP_STATUSES, PROGRAMME_AREAS, ProgrammeArea, PartnershipStatus } from '../domain/programme-area';
import { isCalendarDate, PageQueryDto } from '@twinning/platform-http';

@ValidatorConstraint({ name: 'isCalendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(v: unknown): boolean {
    return isCalendarDate(v);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a date (YYYY-MM-DD)`;
  }
}

const COUNTRY = /^[A-Z]{2}$/;

export class CreatePartnershipDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  partnerCity!: string;

  /** ISO 3166-1 alpha-2, upper case (e.g. CN). */
  @Matches(COUNTRY, { message: 'partnerCountry must be an ISO 3166-1 alpha-2 code (e.g. CN)' })
  partnerCountry!: string;

  @Validate(IsIanaTimeZone)
  partnerTimeZone!: string;

  @IsOptional()
  @IsUUID()
  partnerOrganisationId?: string;

  @Validate(IsCalendarDate)
  establishedOn!: string;

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(PROGRAMME_AREAS.length)
  @IsIn(PROGRAMME_AREAS, { each: true, message: `each value in programmeAreas must be one of: ${PROGRAMME_AREAS.join(', ')}` })
  programmeAreas!: ProgrammeArea[];

  @IsOptional()
  @IsIn(PARTNERSHIP_STATUSES)
  status?: PartnershipStatus;
}

export class UpdatePartnershipDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  partnerCity?: string;

  @IsOptional()
  @Matches(COUNTRY, { message: 'partnerCountry must be an ISO 3166-1 alpha-2 code (e.g. CN)' })
  partnerCountry?: string;

  @IsOptional()
  @Validate(IsIanaTimeZone)
  partnerTimeZone?: string;

  /** null unlinks the partner organisation. */
  @ValidateIf((o: UpdatePartnershipDto) => o.partnerOrganisationId !== null && o.partnerOrganisationId !== undefined)
  @IsUUID()
  partnerOrganisationId?: string | null;

  @IsOptional()
  @Validate(IsCalendarDate)
  establishedOn?: string;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(PROGRAMME_AREAS.length)
  @IsIn(PROGRAMME_AREAS, { each: true, message: `each value in programmeAreas must be one of: ${PROGRAMME_AREAS.join(', ')}` })
  programmeAreas?: ProgrammeArea[];

  @IsOptional()
  @IsIn(PARTNERSHIP_STATUSES)
  status?: PartnershipStatus;
}

export class ListPartnershipsDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PARTNERSHIP_STATUSES)
  status?: PartnershipStatus;

  @IsOptional()
  @IsIn(PROGRAMME_AREAS)
  programmeArea?: ProgrammeArea;
}
