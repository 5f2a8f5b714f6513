import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@twinning/contracts';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { HostMatchingEnv } from './config/host-matching-env';
import { hostMatchingDataSourceOptions } from './database/data-source';
import { FamiliesModule } from './families/families.module';
import { RosterConsumer } from './placements/messaging/roster.consumer';
import { PlacementsModule } from './placements/placements.module';

export const SERVICE = 'host-matching';

@Module({})
export class AppModule {
  static forRoot(env: HostMatchingEnv): DynamicModule {
    const families = FamiliesModule.forRoot(env);
    return {
      module: AppModule,
      imports: [
        ServiceShellModule.forRoot({
          service: SERVICE, env, dataSource: hostMatchingDataSourceOptions(env.DATABASE_URL), produces: [Topics.familyEvents, Topics.placementEvents, Topics.hostBriefingEvents], consumers: [RosterConsumer],
        }),
        families,
        PlacementsModule.forRoot(env, families),
      ],
    };
  }
}

/** How the service is started (main.ts and tests). */
export function hostMatchingApp(env: HostMatchingEnv): BootstrapOptions {
  return { service: SERVICE, module: AppModule.forRoot(env), apiPrefix: 'api/host-matching', port: env.PORT };
}
