import 'reflect-metadata';
import { databaseUrlOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { HostMatchingEnv } from '../config/host-matching-env';
import { hostMatchingDataSourceOptions } from './data-source';

// `node dist/apps/host-matching/src/database/migrate.js [down]`: only the database is needed
const url = databaseUrlOrExit('host-matching', new HostMatchingEnv().DATABASE_URL);
runMigrationsCli(hostMatchingDataSourceOptions(url)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
