import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { bootstrapService } from '@twinning/platform-http';
import { logisticsApp, SERVICE } from './app.module';
import { LogisticsEnv } from './config/logistics-env';

void bootstrapService(logisticsApp(loadEnvOrExit(LogisticsEnv, SERVICE)));
