import { DataSourceOptions } from 'typeorm';
import { withMessagingMigrations } from '@twinning/platform-http';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';

/** The host-matching database: for now the messaging tables only; its features add entities and migrations here. */
export function hostMatchingDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({ url, entities: [], migrations: withMessagingMigrations([]), applicationName: 'host-matching' });
}
