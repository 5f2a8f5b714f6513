import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@twinning/contracts';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { HostMatchingEnv } from './config/host-matching-env';
import { hostMatchingDataSourceOptions } from './database/data-source';
import { FamiliesModule } from './families/families.module';

export const SERVICE = 'host-matching';

@Module({})
export class AppModule {
  static forRoot(env: HostMatchingEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceShellModule.forRoot({ service: SERVICE, env, dataSource: hostMatchingDataSourceOptions(env.DATABASE_URL), produces: [Topics.familyEvents] }),
        FamiliesModule.forRoot(env),
      ],
    };
  }
}

/** How the service is started (main.ts and tests). */
export function hostMatchingApp(env: HostMatchingEnv): BootstrapOptions {
  return { service: SERVICE, module: AppModule.forRoot(env), apiPrefix: 'api/host-matching', port: env.PORT };
}
