export * from './roles';
export * from './authenticated-user';
export * from './access-token';
export * from './access-rules.decorators';
export * from './access.guard';
export * from './auth.module';
export * from './key-validators';
export * from './sensitive-fields';
