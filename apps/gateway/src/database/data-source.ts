import { DataSourceOptions } from 'typeorm';
import { withMessagingMigrations } from '@twinning/platform-http';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';

/** The gateway's own database (identity and audit arrive with #3): for now the messaging tables. */
export function gatewayDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({ url, entities: [], migrations: withMessagingMigrations([]), applicationName: 'gateway' });
}
