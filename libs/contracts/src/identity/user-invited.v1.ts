import { ArrayNotEmpty, IsArray, IsEmail, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { MEMBERSHIP_ROLES } from './membership-roles';

/**
 * `user.invited` v1 — an admin invited a person into an organisation. Topic
 * `gateway.organisation.events`, keyed by the organisation id. Superseded by v2: v1 carried the accept
 * URL with its live token in the clear, so any reader of the topic could accept the invitation. The
 * gateway no longer publishes it; it stays in the catalogue so that v1 events still on the topic parse
 * (the notifications service seals their link before storing anything).
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
