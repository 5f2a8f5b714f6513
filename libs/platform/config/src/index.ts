export * from './load-env';
export * from './base-service-env';
export * from './database-only-env';
