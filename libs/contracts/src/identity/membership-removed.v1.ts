import { IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { MEMBERSHIP_ROLES } from './membership-roles';

/**
 * `membership.removed` v1 — a user is no longer a member of the organisation (an admin removed
 * them). Topic `gateway.organisation.events`, keyed by the organisation id. Read models of
 * memberships drop the member; their access tokens are ended by `user.sessions-revoked`.
 */
export class MembershipRemovedV1 {
  @IsUUID()
  organisationId!: string;

  @IsUUID()
  userId!: string;

  @IsArray()
  @IsIn(MEMBERSHIP_ROLES, { each: true })
  previousRoles!: string[];

  @IsOptional()
  @IsUUID()
  removedByUserId?: string;
}
