import { DataSourceOptions } from 'typeorm';
import { withMessagingMigrations } from '@twinning/platform-http';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { CreateHostFamilies1764600000000 } from './migrations/1764600000000-create-host-families';
import { CreatePlacements1764700000000 } from './migrations/1764700000000-create-placements';
import { AddDelegationTimeZone1765000000000 } from './migrations/1765000000000-add-delegation-time-zone';
import { CodePetsAllergiesDiets1766100000000 } from './migrations/1766100000000-code-pets-allergies-diets';
import { AddHouseholdChanges1766700000000 } from './migrations/1766700000000-add-household-changes';

/** The host-matching database: messaging tables, host families and vetting, read models of delegations, matching runs and offers (raw SQL, no entities yet); its features add entities and migrations here. */
export function hostMatchingDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({ url, entities: [], migrations: withMessagingMigrations([CreateHostFamilies1764600000000, CreatePlacements1764700000000, AddDelegationTimeZone1765000000000, CodePetsAllergiesDiets1766100000000, AddHouseholdChanges1766700000000]), applicationName: 'host-matching' });
}
