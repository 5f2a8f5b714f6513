import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AccessTokenVerifier, parsePublicKey } from './access-token';

/** Every service imports this once: its AccessGuard runs before every endpoint. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: { publicKey: string }): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: AccessTokenVerifier, useValue: new AccessTokenVerifier(parsePublicKey(options.publicKey)) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AccessTokenVerifier],
    };
  }
}
