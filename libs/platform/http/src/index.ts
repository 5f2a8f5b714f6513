export * from './correlation.middleware';
export * from './validation';
export * from './health.controller';
export * from './pino-nest-logger';
export * from './configure-app';
export * from './service-shell.module';
export * from './bootstrap-service';
export * from './domain-rule';
