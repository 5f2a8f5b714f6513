import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@twinning/contracts';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { MessagingModuleOptions } from '@twinning/platform-messaging';
import { DelegationsEnv } from './config/delegations-env';
import { delegationsDataSourceOptions } from './database/data-source';
import { DelegationsModule } from './delegations/delegations.module';

export const SERVICE = 'delegations';

@Module({})
export class AppModule {
  static forRoot(env: DelegationsEnv, messaging: Partial<MessagingModuleOptions> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceShellModule.forRoot({ service: SERVICE, env, dataSource: delegationsDataSourceOptions(env.DATABASE_URL), produces: [Topics.delegationEvents], messaging }),
        DelegationsModule,
      ],
    };
  }
}

/** How the service is started (main.ts and tests). */
export function delegationsApp(env: DelegationsEnv, messaging: Partial<MessagingModuleOptions> = {}): BootstrapOptions {
  return { service: SERVICE, module: AppModule.forRoot(env, messaging), apiPrefix: 'api/delegations', port: env.PORT };
}
