export * from './notification-delivery-failed.v1';
