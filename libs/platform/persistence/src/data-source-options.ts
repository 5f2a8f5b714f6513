import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDataSourceInput {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** Pool size; the relay and consumers take their connections from it too. */
  poolSize?: number;
  applicationName?: string;
}

/** TypeORM options every service uses: PostgreSQL, snake_case, migrations only (never synchronize). */
export function serviceDataSourceOptions(input: ServiceDataSourceInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities,
    migrations: input.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: input.poolSize ?? 10, application_name: input.applicationName },
    logging: ['error', 'warn', 'migration'],
  };
}
