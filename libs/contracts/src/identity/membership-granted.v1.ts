import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { MEMBERSHIP_ROLES } from './membership-roles';

/**
 * `membership.granted` v1 — a user became a member of an organisation with these roles. Topic
 * `gateway.organisation.events`, keyed by the organisation id. Services keep their own read model of
 * memberships from this and `membership.roles-changed`.
 */
export class MembershipGrantedV1 {
  @IsUUID()
  organisationId!: string;

  @IsUUID()
  userId!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(MEMBERSHIP_ROLES, { each: true })
  roles!: string[];

  /** The admin whose invitation it was (absent when a deployment was bootstrapped). */
  @IsOptional()
  @IsUUID()
  grantedByUserId?: string;

  @IsOptional()
  @IsUUID()
  invitationId?: string;
}
