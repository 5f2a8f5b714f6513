import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { DelegationsEnv } from '../config/delegations-env';
import { delegationsDataSourceOptions } from './data-source';

const env = loadEnvOrExit(DelegationsEnv, 'delegations');
runMigrationsCli(delegationsDataSourceOptions(env.DATABASE_URL)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
