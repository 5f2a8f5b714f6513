export * from './snake-naming.strategy';
export * from './data-source-options';
export * from './run-migrations';
