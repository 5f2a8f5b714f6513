import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { MEMBERSHIP_ROLES } from './membership-roles';

/**
 * `membership.roles-changed` v1 — the roles of a member changed (an admin edited them, or a second
 * invitation added roles). `roles` is the complete new set. Topic `gateway.organisation.events`,
 * keyed by the organisation id.
 */
export class MembershipRolesChangedV1 {
  @IsUUID()
  organisationId!: string;

  @IsUUID()
  userId!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(MEMBERSHIP_ROLES, { each: true })
  roles!: string[];

  @IsArray()
  @IsIn(MEMBERSHIP_ROLES, { each: true })
  previousRoles!: string[];

  @IsOptional()
  @IsUUID()
  changedByUserId?: string;
}
