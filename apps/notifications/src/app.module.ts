import { DynamicModule, Module } from '@nestjs/common';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { MessagingModuleOptions } from '@twinning/platform-messaging';
import { ALERT_CONSUMERS, AlertsModule } from './alerts/alerts.module';
import { NotificationsEnv } from './config/notifications-env';
import { notificationsDataSourceOptions } from './database/data-source';
import { DelegationDirectoryModule } from './delegation-directory/delegation-directory.module';
import { RecordDelegationInDirectoryConsumer } from './delegation-directory/messaging/record-delegation-in-directory.consumer';
import { RecordRecipientsConsumer } from './recipients/messaging/record-recipients.consumer';
import { RecipientsModule } from './recipients/recipients.module';

export const SERVICE = 'notifications';

@Module({})
export class AppModule {
  static forRoot(env: NotificationsEnv, messaging: Partial<MessagingModuleOptions> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceShellModule.forRoot({
          service: SERVICE,
          env,
          dataSource: notificationsDataSourceOptions(env.DATABASE_URL),
          consumers: [RecordDelegationInDirectoryConsumer, RecordRecipientsConsumer, ...ALERT_CONSUMERS],
          messaging,
        }),
        DelegationDirectoryModule,
        RecipientsModule,
        AlertsModule.forRoot(env),
      ],
    };
  }
}

/** How the service is started (main.ts and tests). */
export function notificationsApp(env: NotificationsEnv, messaging: Partial<MessagingModuleOptions> = {}): BootstrapOptions {
  return { service: SERVICE, module: AppModule.forRoot(env, messaging), apiPrefix: 'api/notifications', port: env.PORT };
}
