export * from './participant-registered.v1';
export * from './participant-updated.v1';
export * from './check-in-recorded.v1';
export * from './welfare-alert-raised.v1';
export * from './incident-opened.v1';
export * from './incident-escalation-overdue.v1';
export * from './incident-reported.v1';
export * from './incident-closed.v1';
