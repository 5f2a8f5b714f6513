import { DataSourceOptions } from 'typeorm';
import { withMessagingMigrations } from '@twinning/platform-http';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { CreateRoster1764800000000 } from './migrations/1764800000000-create-roster';
import { CreateTravel1764810000000 } from './migrations/1764810000000-create-travel';
import { CreateLodgingAnnouncements1764820000000 } from './migrations/1764820000000-create-lodging-announcements';
import { IndexPlacementHosts1764850000000 } from './migrations/1764850000000-index-placement-hosts';
import { CreatePickupPlans1764830000000 } from './migrations/1764830000000-create-pickup-plans';
import { CreateConflictsCalendar1764840000000 } from './migrations/1764840000000-create-conflicts-calendar';

/**
 * The logistics database (raw SQL, no entities): messaging tables, the read model of the other services (roster) and
 * each feature's tables. A feature adds its migration to LOGISTICS_MIGRATIONS, in timestamp order.
 */
export const LOGISTICS_MIGRATIONS = [CreateRoster1764800000000, CreateTravel1764810000000, CreateLodgingAnnouncements1764820000000, CreatePickupPlans1764830000000, CreateConflictsCalendar1764840000000, IndexPlacementHosts1764850000000];

export function logisticsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({ url, entities: [], migrations: withMessagingMigrations(LOGISTICS_MIGRATIONS), applicationName: 'logistics' });
}
