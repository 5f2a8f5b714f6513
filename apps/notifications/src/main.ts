import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { bootstrapService } from '@twinning/platform-http';
import { notificationsApp, SERVICE } from './app.module';
import { NotificationsEnv } from './config/notifications-env';

void bootstrapService(notificationsApp(loadEnvOrExit(NotificationsEnv, SERVICE)));
