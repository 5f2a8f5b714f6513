import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { PROGRAMME_AREAS, ProgrammeArea } from '../../partnerships/domain/programme-area';
import { DELEGATION_DIRECTIONS, DelegationDirection } from '../domain/delegation';
import { isCalendarDate } from '@twinning/platform-http';
import { DATE_ONLY, IsIanaTimeZone } from '../domain/time-zone';

@ValidatorConstraint({ name: 'notBeforeStartDate' })
export class NotBeforeStartDate implements ValidatorConstraintInterface {
  validate(endDate: unknown, args: ValidationArguments): boolean {
    const { startDate } = args.object as { startDate?: unknown };
    return typeof startDate !== 'string' || typeof endDate !== 'string' || endDate >= startDate;
  }
  defaultMessage(): string {
    return 'endDate must not be before startDate';
  }
}

@ValidatorConstraint({ name: 'isRealDate' })
export class IsRealDate implements ValidatorConstraintInterface {
  validate(v: unknown): boolean {
    return typeof v !== 'string' || !DATE_ONLY.test(v) || isCalendarDate(v);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a date that exists`;
  }
}

export class CreateDelegationDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  hostCity!: string;

  /** First day of the visit in the host city (YYYY-MM-DD). */
  @Matches(DATE_ONLY, { message: 'startDate must be a date (YYYY-MM-DD)' })
  @Validate(IsRealDate)
  startDate!: string;

  /** Last day of the visit (YYYY-MM-DD), not before startDate. */
  @Matches(DATE_ONLY, { message: 'endDate must be a date (YYYY-MM-DD)' })
  @Validate(IsRealDate)
  @Validate(NotBeforeStartDate)
  endDate!: string;

  /** inbound: we host; outbound: we visit. Default outbound. */
  @IsOptional()
  @IsIn(DELEGATION_DIRECTIONS)
  direction?: DelegationDirection;

  /** One of the organisation's own partnerships. */
  @IsOptional()
  @IsUUID()
  partnershipId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  purpose?: string;

  @IsOptional()
  @IsIn(PROGRAMME_AREAS)
  programmeArea?: ProgrammeArea;

  /** IANA zone of the host city; default: the partner city's zone for an outbound visit with a partnership, else UTC. */
  @IsOptional()
  @Validate(IsIanaTimeZone)
  hostTimeZone?: string;

  /** One adult for every N minors (1-20, default 5). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  minorsPerAdult?: number;
}
