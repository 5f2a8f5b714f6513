import { DynamicModule, Module } from '@nestjs/common';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { LogisticsEnv } from './config/logistics-env';
import { logisticsDataSourceOptions } from './database/data-source';

export const SERVICE = 'logistics';

@Module({})
export class AppModule {
  static forRoot(env: LogisticsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceShellModule.forRoot({ service: SERVICE, env, dataSource: logisticsDataSourceOptions(env.DATABASE_URL) })],
    };
  }
}

/** How the service is started (main.ts and tests). */
export function logisticsApp(env: LogisticsEnv): BootstrapOptions {
  return { service: SERVICE, module: AppModule.forRoot(env), apiPrefix: 'api/logistics', port: env.PORT };
}
