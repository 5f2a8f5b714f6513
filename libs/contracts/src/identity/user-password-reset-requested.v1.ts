import { IsEmail, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/**
 * `user.password-reset-requested` v1 — a person asked for a "forgot password" link for their account. Topic
 * `gateway.user.events`, keyed by the user id. The reset URL with its single-use token travels only sealed
 * (`sealedResetUrl`: a compact JWE to the notifications service's key, as `user.invited` v2's accept URL): the
 * notifications service alone opens it, when it sends the email, and stores only the sealed form; the gateway stores
 * only the token's SHA-256. Published only for a real, enabled account under its limit; the caller's answer is the
 * same either way.
 */
export class UserPasswordResetRequestedV1 {
  @IsUUID()
  userId!: string;

  @IsEmail()
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  /** BCP 47: the account's language, which the email is written in. */
  @IsString()
  @IsNotEmpty()
  language!: string;

  @IsISO8601({ strict: true })
  expiresAt!: string;

  /** `<PUBLIC_WEB_URL>/reset-password?token=...`, sealed to the notifications service's key (compact JWE). */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'sealedResetUrl must be a compact JWE' })
  @MaxLength(4000)
  sealedResetUrl!: string;
}
