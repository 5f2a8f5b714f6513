import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { parseSealingPrivateKey, SecretOpener } from '@twinning/platform-auth';
import { DeliveryService } from './application/delivery.service';
import { DeliverySettings } from './application/delivery-settings';
import { DigestJob } from './application/digest-job';
import { EmailSender } from './application/email-sender';
import { Mailer } from './application/mailer';
import { DeliveriesController } from './http/deliveries.controller';
import { NotificationSink } from './notification-request';

export interface DeliveryEnv {
  SMTP_HOST: string;
  SMTP_PORT: number;
  SMTP_FROM: string;
  NOTIFY_RETRY_BASE_MS: number;
  NOTIFY_MAX_ATTEMPTS: number;
  EMAIL_SEND_INTERVAL_MS: number;
  EMAIL_CLAIM_LEASE_MS: number;
  DIGEST_INTERVAL_MS: number;
  DIGEST_DELAY_MS: number;
  PROBLEM_FOLD_WINDOW_MS: number;
  INVITATION_LINK_PRIVATE_KEY: string;
}

/**
 * Delivery: `NotificationSink` → DeliveryService for every consumer (global), the email
 * sender and the digest job, and the delivery log. `imports` must bring modules exporting a NotificationRenderer
 * (the templates module) and a RecipientDirectory (the recipients module).
 */
@Module({})
export class DeliveryModule {
  static forRoot(env: DeliveryEnv, o: { imports: ModuleMetadata['imports'] }): DynamicModule {
    const settings = new DeliverySettings(env.SMTP_HOST, env.SMTP_PORT, env.SMTP_FROM, env.NOTIFY_RETRY_BASE_MS, env.NOTIFY_MAX_ATTEMPTS, env.EMAIL_SEND_INTERVAL_MS,
      env.DIGEST_INTERVAL_MS, env.DIGEST_DELAY_MS, env.PROBLEM_FOLD_WINDOW_MS, env.EMAIL_CLAIM_LEASE_MS);
    return {
      module: DeliveryModule,
      global: true,
      imports: o.imports,
      controllers: [DeliveriesController],
      providers: [
        { provide: DeliverySettings, useValue: settings },
        { provide: SecretOpener, useFactory: () => new SecretOpener(parseSealingPrivateKey(env.INVITATION_LINK_PRIVATE_KEY)) },
        DeliveryService,
        { provide: NotificationSink, useExisting: DeliveryService },
        Mailer,
        EmailSender,
        DigestJob,
      ],
      exports: [NotificationSink, DeliveryService, EmailSender, DigestJob, SecretOpener],
    };
  }
}
