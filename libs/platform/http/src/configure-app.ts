import { INestApplication, RequestMethod } from '@nestjs/common';
import { DomainRuleFilter } from './domain-rule';
import { createValidationPipe } from './validation';

/**
 * What every service's HTTP side shares: the `/api/<prefix>` route prefix (health stays at
 * `/health`, `/health/live`, `/health/ready`), validation of every input, broken domain rules as 400/409, and graceful shutdown hooks.
 */
export function configureServiceApp(app: INestApplication, apiPrefix: string): INestApplication {
  app.setGlobalPrefix(apiPrefix, {
    exclude: ['health', 'health/live', 'health/ready'].map((path) => ({ path, method: RequestMethod.GET })),
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainRuleFilter());
  app.enableShutdownHooks();
  return app;
}
