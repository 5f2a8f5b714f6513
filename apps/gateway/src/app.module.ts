import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@twinning/contracts';
import { AccessTokenVerifier, parsePublicKey } from '@twinning/platform-auth';
import { BootstrapOptions, ServiceShellModule } from '@twinning/platform-http';
import { MessagingModuleOptions } from '@twinning/platform-messaging';
import { AuditTrail } from './audit/application/audit-trail';
import { AuditModule } from './audit/audit.module';
import { RecordServiceAuditConsumer } from './audit/messaging/record-service-audit.consumer';
import { auditMiddleware } from './audit/http/audit.middleware';
import { GatewayEnv } from './config/gateway-env';
import { gatewayDataSourceOptions } from './database/data-source';
import { clientAddress } from './identity/http/client-address';
import { IdentityModule } from './identity/identity.module';
import { OpenApiModule } from './openapi/openapi.module';
import { ownRoutesMiddleware } from './routing/own-routes.middleware';
import { createServiceProxy } from './routing/service-proxy';
import { serviceRoutes } from './routing/service-routes';
import { webAppMiddleware } from './routing/web-app.middleware';

export const SERVICE = 'gateway';

@Module({})
export class AppModule {
  static forRoot(env: GatewayEnv, audit: AuditTrail = new AuditTrail(), messaging: Partial<MessagingModuleOptions> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceShellModule.forRoot({
          service: SERVICE,
          env,
          dataSource: gatewayDataSourceOptions(env.DATABASE_URL),
          produces: [Topics.organisationEvents, Topics.userEvents],
          consumers: [RecordServiceAuditConsumer],
          // the gateway keeps the trail: its own requests are written by auditMiddleware, the services' facts consumed
          audit: false,
          messaging,
        }),
        IdentityModule.forRoot(env),
        AuditModule.forRoot(audit),
        OpenApiModule,
      ],
    };
  }
}

/**
 * How the gateway is started (main.ts and tests). Proxied bodies stream to the services untouched,
 * so Nest parses none; the middleware, in order: JSON bodies for /api/identity only (and Swagger
 * UI's files), the web app at / (apps/web built into dist/web, when it was built), the audit trail (before the
 * proxy, so proxied requests are recorded too), the proxy.
 */
export function gatewayApp(env: GatewayEnv, messaging: Partial<MessagingModuleOptions> = {}): BootstrapOptions {
  const audit = new AuditTrail();
  const verifier = new AccessTokenVerifier(parsePublicKey(env.JWT_PUBLIC_KEY));
  return {
    service: SERVICE,
    module: AppModule.forRoot(env, audit, messaging),
    apiPrefix: 'api',
    port: env.PORT,
    bodyParser: false,
    middleware: [
      ownRoutesMiddleware(),
      webAppMiddleware(env.WEB_DIST_DIR || undefined),
      auditMiddleware(audit, verifier, (req) => clientAddress(req, env.TRUSTED_PROXY_HOPS)),
      createServiceProxy(serviceRoutes(env)),
    ],
  };
}
