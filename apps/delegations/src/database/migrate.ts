import 'reflect-metadata';
import { databaseUrlOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { DelegationsEnv } from '../config/delegations-env';
import { delegationsDataSourceOptions } from './data-source';

// `node dist/apps/delegations/src/database/migrate.js [down]`: only the database is needed
const url = databaseUrlOrExit('delegations', new DelegationsEnv().DATABASE_URL);
runMigrationsCli(delegationsDataSourceOptions(url)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
