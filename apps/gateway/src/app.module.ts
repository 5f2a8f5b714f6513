import { DynamicModule, Module } from '@nestjs/common';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { GatewayEnv } from './config/gateway-env';
import { gatewayDataSourceOptions } from './database/data-source';
import { createServiceProxy } from './routing/service-proxy';
import { serviceRoutes } from './routing/service-routes';

export const SERVICE = 'gateway';

@Module({})
export class AppModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceShellModule.forRoot({ service: SERVICE, env, dataSource: gatewayDataSourceOptions(env.DATABASE_URL) })],
    };
  }
}

/** How the gateway is started (main.ts and tests): bodies are streamed to the services untouched, so it parses none. */
export function gatewayApp(env: GatewayEnv): BootstrapOptions {
  return {
    service: SERVICE,
    module: AppModule.forRoot(env),
    apiPrefix: 'api',
    port: env.PORT,
    bodyParser: false,
    middleware: [createServiceProxy(serviceRoutes(env))],
  };
}
