import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { GatewayEnv } from '../config/gateway-env';
import { gatewayDataSourceOptions } from './data-source';

const env = loadEnvOrExit(GatewayEnv, 'gateway');
runMigrationsCli(gatewayDataSourceOptions(env.DATABASE_URL)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
