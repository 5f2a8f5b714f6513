import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail } from './application/audit-trail';
import { ListAuditEntriesQuery } from './application/list-audit-entries.query';
import { AuditController } from './http/audit.controller';
import { RecordServiceAuditConsumer } from './messaging/record-service-audit.consumer';

/** The audit trail: the middleware (mounted in gatewayApp) writes through `trail`, the services' facts arrive through RecordServiceAuditConsumer; admins list it here. */
@Module({})
export class AuditModule {
  static forRoot(trail: AuditTrail): DynamicModule {
    return {
      module: AuditModule,
      // identity records failed sign-ins in the trail too
      global: true,
      exports: [AuditTrail],
      controllers: [AuditController],
      providers: [
        { provide: AuditTrail, useFactory: (ds: DataSource) => (trail.attach(ds), trail), inject: [DataSource] },
        ListAuditEntriesQuery,
        RecordServiceAuditConsumer,
      ],
    };
  }
}
