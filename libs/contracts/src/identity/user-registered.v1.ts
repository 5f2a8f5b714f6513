import { IsEmail, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * `user.registered` v1 — a person got an account (by accepting an invitation, or as the first admin
 * of a bootstrapped organisation). Topic `gateway.user.events`, keyed by the user id. Never carries
 * a password or its hash.
 */
export class UserRegisteredV1 {
  @IsUUID()
  userId!: string;

  @IsEmail()
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  /** BCP 47: the language messages to this person are written in. */
  @IsString()
  @IsNotEmpty()
  language!: string;
}
