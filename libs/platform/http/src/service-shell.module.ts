import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, CreateSessionVersions1766400000000, RecordSessionVersionsConsumer } from '@twinning/platform-auth';
import { BaseServiceEnv } from '@twinning/platform-config';
import { CreateMessagingTables1764288000000, EventConsumer, MessagingModule, MessagingModuleOptions } from '@twinning/platform-messaging';
import { DataSourceOptions } from 'typeorm';
import { Topics } from '@twinning/contracts';
import { HealthController } from './health.controller';
import { SERVICE_AUDIT_OPTIONS, ServiceAuditRecorder } from './service-audit-recorder';

export interface ServiceShellOptions {
  service: string;
  env: BaseServiceEnv;
  /** From the service's database/data-source.ts (migrations include the messaging tables, see withMessagingMigrations). */
  dataSource: DataSourceOptions;
  produces?: string[];
  consumers?: Type<EventConsumer>[];
  messaging?: Partial<MessagingModuleOptions>;
  /** Record audit facts of this service's requests (`audit.recorded`, default true); the gateway keeps its own trail. */
  audit?: boolean;
}

/**
 * Every service's plumbing: access control (token verified here, deny by default, session versions
 * checked against the service's own read model), its own database (migrations run at start), Kafka
 * messaging, /health, and the audit facts of its requests (ServiceAuditRecorder, mounted by createServiceApp).
 */
@Module({})
export class ServiceShellModule {
  static forRoot(o: ServiceShellOptions): DynamicModule {
    const audit = o.audit ?? true;
    return {
      module: ServiceShellModule,
      imports: [
        AuthModule.forRoot({ publicKey: o.env.JWT_PUBLIC_KEY, sessionVersionsOf: o.service }),
        TypeOrmModule.forRoot({
          ...o.dataSource,
          migrationsRun: true,
        }),
        MessagingModule.forRoot({
          service: o.service,
          brokers: o.env.KAFKA_BROKERS.split(','),
          topicPrefix: o.env.KAFKA_TOPIC_PREFIX,
          produces: audit ? [...(o.produces ?? []), Topics.auditEvents] : o.produces,
          consumers: [RecordSessionVersionsConsumer, ...(o.consumers ?? [])],
          readiness: { stuckAfterMs: o.env.READINESS_STUCK_AFTER_MS, outboxMaxAgeMs: o.env.READINESS_OUTBOX_MAX_AGE_MS },
          ...o.messaging,
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: SERVICE_AUDIT_OPTIONS, useValue: { service: o.service, enabled: audit } }, ServiceAuditRecorder],
    };
  }
}

/** The list a service's migrate.ts and data-source.ts use, the messaging tables and the session-version read model first. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withMessagingMigrations(migrations: Function[]): Function[] {
  return [CreateMessagingTables1764288000000, CreateSessionVersions1766400000000, ...migrations];
}
