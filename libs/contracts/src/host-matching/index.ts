export * from './family-registered.v1';
export * from './family-updated.v1';
export * from './family-vetting.v1';
export * from './placement-events.v1';
export * from './placement-host-briefing.v1';
export * from './family-household-review.v1';
