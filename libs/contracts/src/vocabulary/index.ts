export * from './vocabulary';
export * from './vocabulary-labels';
export * from './free-text-coding';
