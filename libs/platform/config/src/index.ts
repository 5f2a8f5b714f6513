export * from './load-env';
export * from './base-service-env';
