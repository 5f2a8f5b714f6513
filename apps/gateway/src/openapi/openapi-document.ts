import { INestApplication, Injectable } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { IDENTITY_RESPONSES, IDENTITY_SCHEMAS } from './identity-paths';
import { PROXIED_PATHS, PROXIED_SCHEMAS } from './proxied-paths';
import { HEALTH_PATHS } from './health-paths';

/** The name @ApiBearerAuth() refers to by default. */
export const BEARER_SCHEME = 'bearer';

/**
 * The one OpenAPI 3 document of the public API: the gateway's own endpoints (scanned from its
 * controllers and their DTOs) plus the proxied services' endpoints (proxied-paths.ts), with the
 * bearer JWT scheme. Built on first use, when every module is ready, and cached.
 */
@Injectable()
export class OpenApiDocument {
  private document?: OpenAPIObject;

  constructor(private readonly modules: ModulesContainer, private readonly adapterHost: HttpAdapterHost) {}

  get(): OpenAPIObject {
    this.document ??= this.build();
    return this.document;
  }

  private build(): OpenAPIObject {
    const config = new DocumentBuilder()
      .setTitle('Twinning API')
      .setDescription(
        'The public API of Twinning, through the gateway. Sign in with POST /api/identity/login and send the access token as `Authorization: Bearer <token>`; ' +
          'every endpoint except login, refresh, logout and invitation acceptance requires it. Errors are `{ statusCode, code, message, fields }`.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Ed25519-signed (EdDSA) access token from /api/identity/login' }, BEARER_SCHEME)
      .build();
    // SwaggerModule scans an application's modules; the gateway's own (same container, same global prefix) are handed over here
    const appConfig = new ApplicationConfig();
    appConfig.setGlobalPrefix('api');
    const app = {
      container: { getModules: () => this.modules, isGlobalModule: () => false },
      config: appConfig,
      getHttpAdapter: () => this.adapterHost.httpAdapter,
    } as unknown as INestApplication;
    const own = SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
    return {
      ...own,
      paths: withBodyRefusals({ ...withAnswers(own.paths, IDENTITY_RESPONSES), ...(PROXIED_PATHS as OpenAPIObject['paths']), ...(HEALTH_PATHS as OpenAPIObject['paths']) }),
      components: { ...own.components, schemas: { ...(own.components?.schemas ?? {}), ...(IDENTITY_SCHEMAS as Record<string, never>), ...(PROXIED_SCHEMAS as Record<string, never>) } },
      security: [],
    };
  }
}

const PROBLEM = { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } };

/**
 * What every service's body parser answers itself (libs/platform/http jsonBodyMiddleware), on every operation that
 * takes a body: 413 for a body over the limit, 415 for one that is not UTF-8 JSON.
 */
function withBodyRefusals(paths: OpenAPIObject['paths']): OpenAPIObject['paths'] {
  const out: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(paths)) {
    const methods: Record<string, unknown> = { ...item };
    for (const [method, op] of Object.entries(item)) {
      const operation = op as { requestBody?: unknown; responses?: Record<string, unknown> };
      if (!operation || typeof operation !== 'object' || !operation.requestBody) continue;
      methods[method] = {
        ...operation,
        responses: {
          413: { description: 'the body is larger than the limit (`REQUEST.TOO_LARGE`)', content: PROBLEM },
          415: { description: 'the body is not JSON, or not UTF-8 (`REQUEST.UNSUPPORTED_MEDIA_TYPE`)', content: PROBLEM },
          ...operation.responses,
        },
      };
    }
    out[path] = methods as typeof item;
  }
  return out;
}

/** The scanned operations with the answers described by hand (by path and method) laid over the scanned ones. */
function withAnswers(paths: OpenAPIObject['paths'], answers: Record<string, Record<string, Record<string, unknown>>>): OpenAPIObject['paths'] {
  const out: OpenAPIObject['paths'] = { ...paths };
  for (const [path, methods] of Object.entries(answers)) {
    const item = out[path];
    if (!item) continue;
    const merged: Record<string, unknown> = { ...item };
    for (const [method, responses] of Object.entries(methods)) {
      const op = (item as Record<string, { responses?: object } | undefined>)[method];
      if (op) merged[method] = { ...op, responses: { ...op.responses, ...responses } };
    }
    out[path] = merged as typeof item;
  }
  return out;
}
