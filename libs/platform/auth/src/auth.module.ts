import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessGuard } from './access.guard';
import { AccessTokenVerifier, parsePublicKey } from './access-token';
import { RecordSessionVersionsConsumer } from './session-versions/record-session-versions.consumer';
import { SessionVersionRepository } from './session-versions/session-version.repository';
import { SessionVersions } from './session-versions/session-versions';

export interface AuthModuleOptions {
  publicKey: string;
  /**
   * The service whose read model of session versions the guard checks (its consumer group is
   * `<service>.session-versions`; run RecordSessionVersionsConsumer with the service's consumers).
   * Without it the guard checks signatures and expiry only (unit tests).
   */
  sessionVersionsOf?: string;
}

/** Every service imports this once: its AccessGuard runs before every endpoint. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const sessions: Provider[] = options.sessionVersionsOf
      ? [
        { provide: SessionVersionRepository, useFactory: (ds: DataSource) => new SessionVersionRepository(ds), inject: [DataSource] },
        { provide: SessionVersions, useExisting: SessionVersionRepository },
        { provide: RecordSessionVersionsConsumer, useFactory: (r: SessionVersionRepository) => new RecordSessionVersionsConsumer(`${options.sessionVersionsOf}.session-versions`, r), inject: [SessionVersionRepository] },
      ]
      : [];
    return {
      module: AuthModule,
      providers: [
        { provide: AccessTokenVerifier, useValue: new AccessTokenVerifier(parsePublicKey(options.publicKey)) },
        { provide: APP_GUARD, useClass: AccessGuard },
        ...sessions,
      ],
      exports: [AccessTokenVerifier, ...(options.sessionVersionsOf ? [SessionVersions, SessionVersionRepository, RecordSessionVersionsConsumer] : [])],
    };
  }
}
