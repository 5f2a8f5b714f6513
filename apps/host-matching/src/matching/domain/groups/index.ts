export * from './constraints';
export * from './group-solver';
export * from './group-explanations';
export * from './anchor-groups';
export * from './highs-mip';
