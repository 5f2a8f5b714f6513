import { Matches } from 'class-validator';
import { loadEnvOrExit } from './load-env';

/** What a migration run needs: the database, nothing else (no keys, no broker). */
export class DatabaseOnlyEnv {
  @Matches(/^postgres(ql)?:\/\/.+\/[A-Za-z0-9_-]+(\?.*)?$/, { message: 'DATABASE_URL must be a postgres:// URL naming a database' })
  DATABASE_URL!: string;
}

/** DATABASE_URL from the environment (or the service's default), validated; exits naming it when bad. */
export function databaseUrlOrExit(service: string, defaultUrl: string): string {
  const settings = loadEnvOrExit(DatabaseOnlyEnv, service, { DATABASE_URL: process.env.DATABASE_URL || defaultUrl });
  return settings.DATABASE_URL;
}
