import { IsOptional, IsUUID } from 'class-validator';

/**
 * `user.disabled` v1 — the account may no longer sign in or refresh, and every session of it has
 * ended. Topic `gateway.user.events`, keyed by the user id.
 */
export class UserDisabledV1 {
  @IsUUID()
  userId!: string;

  /** The admin who disabled it, and the organisation they acted for. */
  @IsOptional()
  @IsUUID()
  disabledByUserId?: string;

  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
