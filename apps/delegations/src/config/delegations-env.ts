import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceEnv } from '@twinning/platform-config';

export class DelegationsEnv extends BaseServiceEnv {
  override PORT = 3001;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_delegations';

  /** A member of an in-progress delegation whose last check-in is older than this is overdue (read by WelfareSettings). */
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  CHECK_IN_OVERDUE_HOURS = 24;

  /** How often the incident escalation job runs; 0 turns its timer off (read by WelfareSettings). */
  @IsInt()
  @Min(0)
  @Max(24 * 3600 * 1000)
  INCIDENT_ESCALATION_INTERVAL_MS = 60000;
}
