import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { bootstrapService } from '@twinning/platform-http';
import { delegationsApp, SERVICE } from './app.module';
import { DelegationsEnv } from './config/delegations-env';

void bootstrapService(delegationsApp(loadEnvOrExit(DelegationsEnv, SERVICE)));
