export * from './envelope';
export * from './topics';
export * from './catalog';
export * from './validate-envelope';
export * from './delegations/delegation-created.v1';
