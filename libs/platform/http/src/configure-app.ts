import { INestApplication, RequestMethod } from '@nestjs/common';
import { createValidationPipe } from './validation';

/**
 * What every service's HTTP side shares: the `/api/<prefix>` route prefix (health stays at
 * `/health`), validation of every input, and graceful shutdown hooks.
 */
export function configureServiceApp(app: INestApplication, apiPrefix: string): INestApplication {
  app.setGlobalPrefix(apiPrefix, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  return app;
}
