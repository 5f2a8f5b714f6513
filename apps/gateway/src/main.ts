import 'reflect-metadata';
import { loadEnvOrExit } from '@twinning/platform-config';
import { bootstrapService } from '@twinning/platform-http';
import { gatewayApp, SERVICE } from './app.module';
import { GatewayEnv } from './config/gateway-env';

void bootstrapService(gatewayApp(loadEnvOrExit(GatewayEnv, SERVICE)));
