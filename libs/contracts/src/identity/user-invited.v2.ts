import { ArrayNotEmpty, IsArray, IsEmail, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MEMBERSHIP_ROLES } from './membership-roles';

/**
 * `user.invited` v2 — an admin invited a person into an organisation. Topic
 * `gateway.organisation.events`, keyed by the organisation id (its invitations and memberships stay
 * in order). The accept URL with its single-use token travels only sealed (`sealedAcceptUrl`: a compact
 * JWE to the notifications service's X25519 public key, see libs/platform/auth sealed-secret.ts): the
 * notifications service alone opens it, when it sends the email, and stores only the sealed form; the
 * gateway stores only the token's SHA-256.
 */
export class UserInvitedV2 {
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

  /** `<PUBLIC_WEB_URL>/accept-invitation?token=...`, sealed to the notifications service's key (compact JWE). */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'sealedAcceptUrl must be a compact JWE' })
  @MaxLength(4000)
  sealedAcceptUrl!: string;
}
