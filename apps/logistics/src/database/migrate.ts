import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { LogisticsEnv } from '../config/logistics-env';
import { logisticsDataSourceOptions } from './data-source';

const env = loadEnvOrExit(LogisticsEnv, 'logistics');
runMigrationsCli(logisticsDataSourceOptions(env.DATABASE_URL)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
