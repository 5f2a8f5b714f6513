import { IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';

/**
 * What the gateway's bootstrap CLI needs: the database, and the
 * topic prefix of the events it writes to the outbox, and the admin password. No keys: it signs nothing.
 */
export class DatabaseEnv {
  @Matches(/^postgres(ql)?:\/\/.+\/[A-Za-z0-9_-]+(\?.*)?$/, { message: 'DATABASE_URL must be a postgres:// URL naming a database' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/twinning_gateway';

  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may only contain letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX: string = '';

  /** The bootstrap CLI's admin password (kept out of the process list). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  BOOTSTRAP_ADMIN_PASSWORD?: string;
}
