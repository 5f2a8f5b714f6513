export * from './eventually';
export * from './test-database';
export * from './test-kafka';
export * from './service-process';
export * from './test-identity';
export * from './test-migrations';
