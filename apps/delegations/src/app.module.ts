import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@twinning/contracts';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { MessagingModuleOptions } from '@twinning/platform-messaging';
import { DelegationsEnv } from './config/delegations-env';
import { delegationsDataSourceOptions } from './database/data-source';
import { DelegationsModule } from './delegations/delegations.module';
import { ParticipantsModule } from './participants/participants.module';
import { ReportsModule } from './reports/reports.module';
import { WelfareModule } from './welfare/welfare.module';
import { MembersModule } from './members/members.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { ItineraryModule } from './itinerary/itinerary.module';

export const SERVICE = 'delegations';

@Module({})
export class AppModule {
  static forRoot(env: DelegationsEnv, messaging: Partial<MessagingModuleOptions> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceShellModule.forRoot({ service: SERVICE, env, dataSource: delegationsDataSourceOptions(env.DATABASE_URL), produces: [Topics.delegationEvents, Topics.partnershipEvents, Topics.participantEvents, Topics.participantMatchingEvents, Topics.incidentEvents], messaging }),
        // before any module with `:id` routes (static prefixes participants/, incidents/, reports/ first)
        ParticipantsModule,
        WelfareModule,
        ReportsModule,
        ItineraryModule,
        PartnershipsModule,
        MembersModule,
        DelegationsModule,
      ],
    };
  }
}

/** How the service is started (main.ts and tests). */
export function delegationsApp(env: DelegationsEnv, messaging: Partial<MessagingModuleOptions> = {}): BootstrapOptions {
  return { service: SERVICE, module: AppModule.forRoot(env, messaging), apiPrefix: 'api/delegations', port: env.PORT };
}
