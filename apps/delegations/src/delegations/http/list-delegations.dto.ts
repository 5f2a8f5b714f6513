import { IsIn, IsOptional, IsUUID, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { PROGRAMME_AREAS, ProgrammeArea } from '../../partnerships/domain/programme-area';
import { DELEGATION_DIRECTIONS, DelegationDirection, DelegationStatus } from '../domain/delegation';
import { DELEGATION_STATUSES } from '../domain/delegation-lifecycle';
import { IsCalendarDate, PageQueryDto } from '@twinning/platform-http';

@ValidatorConstraint({ name: 'notBeforeFrom' })
class NotBeforeFrom implements ValidatorConstraintInterface {
  validate(to: unknown, args: ValidationArguments): boolean {
    const { from } = args.object as { from?: unknown };
    return typeof from !== 'string' || typeof to !== 'string' || to >= from;
  }
  defaultMessage(): string {
    return 'to must not be before from';
  }
}

export const DELEGATION_SORTS = ['startDate', 'title', 'createdAt'] as const;
export type DelegationSort = (typeof DELEGATION_SORTS)[number];

export class ListDelegationsDto extends PageQueryDto {
  @IsOptional()
  @IsIn(DELEGATION_STATUSES)
  status?: DelegationStatus;

  /** Delegations whose stay overlaps [from, to] (either bound optional). */
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  @Validate(NotBeforeFrom)
  to?: string;

  @IsOptional()
  @IsIn(PROGRAMME_AREAS)
  programmeArea?: ProgrammeArea;

  @IsOptional()
  @IsUUID()
  partnershipId?: string;

  @IsOptional()
  @IsIn(DELEGATION_DIRECTIONS)
  direction?: DelegationDirection;

  @IsOptional()
  @IsIn(DELEGATION_SORTS)
  sort: DelegationSort = 'startDate';

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';
}
