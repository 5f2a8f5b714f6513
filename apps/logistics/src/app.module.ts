import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@twinning/contracts';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { CalendarModule } from './calendar/calendar.module';
import { EndFeedsWhenAccessEndsConsumer } from './calendar/messaging/end-feeds-when-access-ends.consumer';
import { LogisticsOffersConsumer } from './calendar/messaging/offers.consumer';
import { LogisticsEnv } from './config/logistics-env';
import { ConflictsModule } from './conflicts/conflicts.module';
import { logisticsDataSourceOptions } from './database/data-source';
import { HostGuestsModule } from './host-guests/host-guests.module';
import { LodgingModule } from './lodging/lodging.module';
import { PickupsModule } from './pickups/pickups.module';
import { LogisticsRosterConsumer } from './roster/messaging/roster.consumer';
import { RosterModule } from './roster/roster.module';
import { TravelModule } from './travel/travel.module';

export const SERVICE = 'logistics';

@Module({})
export class AppModule {
  static forRoot(env: LogisticsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceShellModule.forRoot({
          service: SERVICE, env, dataSource: logisticsDataSourceOptions(env.DATABASE_URL), produces: [Topics.travelEvents], consumers: [LogisticsRosterConsumer, LogisticsOffersConsumer, EndFeedsWhenAccessEndsConsumer],
        }),
        RosterModule,
        TravelModule,
        LodgingModule,
        PickupsModule,
        ConflictsModule.forRoot(env),
        CalendarModule.forRoot(env),
        HostGuestsModule,
        // feature modules (travel, pickups, lodging, conflicts, calendar) are added here
      ],
    };
  }
}

/** How the service is started (main.ts and tests). */
export function logisticsApp(env: LogisticsEnv): BootstrapOptions {
  return { service: SERVICE, module: AppModule.forRoot(env), apiPrefix: 'api/logistics', port: env.PORT };
}
