import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@twinning/contracts';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { MessagingModuleOptions } from '@twinning/platform-messaging';
import { ALERT_CONSUMERS, AlertsModule } from './alerts/alerts.module';
import { NotificationsEnv } from './config/notifications-env';
import { notificationsDataSourceOptions } from './database/data-source';
import { DelegationDirectoryModule } from './delegation-directory/delegation-directory.module';
import { RecordDelegationInDirectoryConsumer } from './delegation-directory/messaging/record-delegation-in-directory.consumer';
import { DeliveryModule } from './delivery/delivery.module';
import { FeedModule } from './feed/feed.module';
import { PreferencesModule } from './preferences/preferences.module';
import { RecordRecipientsConsumer } from './recipients/messaging/record-recipients.consumer';
import { RecipientsModule } from './recipients/recipients.module';
import { TemplatesModule } from './templates/templates.module';

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
          produces: [Topics.notificationDeliveryEvents],
          consumers: [RecordDelegationInDirectoryConsumer, RecordRecipientsConsumer, ...ALERT_CONSUMERS],
          messaging,
        }),
        DelegationDirectoryModule,
        RecipientsModule,
        AlertsModule.forRoot(env),
        DeliveryModule.forRoot(env, { imports: [TemplatesModule, RecipientsModule] }),
        PreferencesModule,
        FeedModule,
      ],
    };
  }
}

/** How the service is started (main.ts and tests). */
export function notificationsApp(env: NotificationsEnv, messaging: Partial<MessagingModuleOptions> = {}): BootstrapOptions {
  return { service: SERVICE, module: AppModule.forRoot(env, messaging), apiPrefix: 'api/notifications', port: env.PORT };
}
