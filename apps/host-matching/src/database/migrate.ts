import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { HostMatchingEnv } from '../config/host-matching-env';
import { hostMatchingDataSourceOptions } from './data-source';

const env = loadEnvOrExit(HostMatchingEnv, 'host-matching');
runMigrationsCli(hostMatchingDataSourceOptions(env.DATABASE_URL)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
