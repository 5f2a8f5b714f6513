export * from './logistics-events.v1';
