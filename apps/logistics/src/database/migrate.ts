import 'reflect-metadata';
import { databaseUrlOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { LogisticsEnv } from '../config/logistics-env';
import { logisticsDataSourceOptions } from './data-source';

// `node dist/apps/logistics/src/database/migrate.js [down]`: only the database is needed
const url = databaseUrlOrExit('logistics', new LogisticsEnv().DATABASE_URL);
runMigrationsCli(logisticsDataSourceOptions(url)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
