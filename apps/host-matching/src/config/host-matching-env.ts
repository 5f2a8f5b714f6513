import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceEnv } from '@twinning/platform-config';

export class HostMatchingEnv extends BaseServiceEnv {
  override PORT = 3002;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_host_matching';

  /** How often the vetting job re-evaluates every host family (default daily); 0 turns its timer off. */
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 3600 * 1000)
  VETTING_JOB_INTERVAL_MS: number = 24 * 3600 * 1000;

  /** How often open offers past their deadline are expired and their guests re-matched (default every 30 s); 0 turns its timer off. */
  @IsInt()
  @Min(0)
  @Max(24 * 3600 * 1000)
  OFFER_EXPIRY_JOB_INTERVAL_MS: number = 30 * 1000;
}
