import 'reflect-metadata';
import { databaseUrlOrExit } from '@twinning/platform-config';
import { runMigrationsCli } from '@twinning/platform-persistence';
import { NotificationsEnv } from '../config/notifications-env';
import { notificationsDataSourceOptions } from './data-source';

// `node dist/apps/notifications/src/database/migrate.js [down]`: only the database is needed
const url = databaseUrlOrExit('notifications', new NotificationsEnv().DATABASE_URL);
runMigrationsCli(notificationsDataSourceOptions(url)).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
