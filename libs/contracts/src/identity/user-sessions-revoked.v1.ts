import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';

export const SESSION_REVOCATION_REASONS = ['roles-changed', 'membership-removed', 'account-disabled', 'logout', 'refresh-reused', 'password-reset'] as const;

/**
 * `user.sessions-revoked` v1 — every access token of this user that carries a session version below
 * `sessionVersion` is refused from now on, by every service. Topic `gateway.user.events`, keyed by
 * the user id. Each service keeps the highest version it has seen per user (its own read model), so
 * the order of these events across topics does not matter. Never carries a token.
 */
export class UserSessionsRevokedV1 {
  @IsUUID()
  userId!: string;

  /** The account's session version from now on: tokens carrying a lower one are refused. */
  @IsInt()
  @Min(1)
  sessionVersion!: number;

  @IsIn(SESSION_REVOCATION_REASONS)
  reason!: (typeof SESSION_REVOCATION_REASONS)[number];

  /** The organisation where the change happened (absent for account-wide changes). */
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
