import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { BaseServiceEnv } from '@twinning/platform-config';

export class LogisticsEnv extends BaseServiceEnv {
  override PORT = 3003;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_logistics';

  /** Conflicts: a passport must stay valid this many months after the visit's end date (PASSPORT_EXPIRES_TOO_SOON). */
  @IsInt()
  @Min(0)
  @Max(24)
  PASSPORT_VALIDITY_MONTHS: number = 6;

  /** Calendar feeds: the public origin feed URLs start with (the gateway's, e.g. https://twinning.example.org); empty = a path only. */
  @IsOptional()
  @Matches(/^(https?:\/\/[^\s/]+)?$/, { message: 'CALENDAR_PUBLIC_ORIGIN must be an http(s) origin without a path' })
  CALENDAR_PUBLIC_ORIGIN: string = '';
}
