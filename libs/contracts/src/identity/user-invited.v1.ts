import { ArrayNotEmpty, IsArray, IsEmail, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { MEMBERSHIP_ROLES } from './membership-roles';

/**
 * `user.invited` v1 — an admin invited a person into an organisation. Topic
 * `gateway.organisation.events`, keyed by the organisation id (its invitations and memberships stay
 * in order). `acceptUrl` carries the single-use token, so that the notifications service can send
 * the invitation email: this topic is internal (never exposed outside the deployment's Kafka), and
 * the gateway itself stores only the token's SHA-256.
 */
export class UserInvitedV1 {
  @IsUUID()
  invitationId!: string;

  @IsUUID()
  organisationId!: string;

  @IsString()
  @IsNotEmpty()
  organisationName!: string;

  @IsEmail()
  email!: string;

  /** The invitee's name as the inviter typed it, if they did. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(MEMBERSHIP_ROLES, { each: true })
  roles!: string[];

  /** BCP 47: the language the invitation is written in (the invitee's, else the organisation's default). */
  @IsString()
  @IsNotEmpty()
  language!: string;

  @IsOptional()
  @IsUUID()
  invitedByUserId?: string;

  @IsString()
  @IsNotEmpty()
  invitedByName!: string;

  @IsISO8601({ strict: true })
  expiresAt!: string;

  /** `<PUBLIC_WEB_URL>/accept-invitation?token=...` — the only place the clear token exists. */
  @IsUrl({ require_tld: false, require_protocol: true })
  acceptUrl!: string;
}
