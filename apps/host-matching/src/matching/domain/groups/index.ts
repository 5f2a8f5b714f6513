export * from './constraints';
export * from './group-solver';
export * from './highs-mip';
