import 'reflect-metadata';
import { databaseUrlOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { DatabaseEnv } from '../config/database-env';
import { gatewayDataSourceOptions } from './data-source';

// `node dist/apps/gateway/src/database/migrate.js [down]`: only the database is needed (no signing keys)
const url = databaseUrlOrExit('gateway', new DatabaseEnv().DATABASE_URL);
runMigrationsCli(gatewayDataSourceOptions(url)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
