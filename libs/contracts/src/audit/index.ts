export * from './audit-recorded.v1';
