import { IsNotEmpty, IsString, Matches, MaxLength, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

const DATE_ONLY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@ValidatorConstraint({ name: 'notBeforeStartDate' })
class NotBeforeStartDate implements ValidatorConstraintInterface {
  validate(endDate: unknown, args: ValidationArguments): boolean {
    const { startDate } = args.object as { startDate?: unknown };
    return typeof startDate !== 'string' || typeof endDate !== 'string' || endDate >= startDate;
  }
  defaultMessage(): string {
    return 'endDate must not be before startDate';
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
  startDate!: string;

  /** Last day of the visit (YYYY-MM-DD), not before startDate. */
  @Matches(DATE_ONLY, { message: 'endDate must be a date (YYYY-MM-DD)' })
  @Validate(NotBeforeStartDate)
  endDate!: string;
}
