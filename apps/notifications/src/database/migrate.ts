import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { NotificationsEnv } from '../config/notifications-env';
import { notificationsDataSourceOptions } from './data-source';

const env = loadEnvOrExit(NotificationsEnv, 'notifications');
runMigrationsCli(notificationsDataSourceOptions(env.DATABASE_URL)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
