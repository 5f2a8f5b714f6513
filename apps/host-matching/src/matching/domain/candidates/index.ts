export * from './types';
export * from './hard-rules';
export * from './soft-score';
export * from './explanations';
export * from './candidate-generator';
