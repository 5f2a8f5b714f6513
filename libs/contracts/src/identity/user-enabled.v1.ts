import { IsOptional, IsUUID } from 'class-validator';

/** `user.enabled` v1 — a disabled account may sign in again. Topic `gateway.user.events`, keyed by the user id. */
export class UserEnabledV1 {
  @IsUUID()
  userId!: string;

  @IsOptional()
  @IsUUID()
  enabledByUserId?: string;

  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
