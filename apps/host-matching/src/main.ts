import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { bootstrapService } from '@twinning/platform-http';
import { hostMatchingApp, SERVICE } from './app.module';
import { HostMatchingEnv } from './config/host-matching-env';

void bootstrapService(hostMatchingApp(loadEnvOrExit(HostMatchingEnv, SERVICE)));
