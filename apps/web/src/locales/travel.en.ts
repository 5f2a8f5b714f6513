/** English strings of the coordinator's travel screen (`travel.*`): the reference; travel.es.ts and travel.zh.ts have the same keys (locales.test.ts). */
export const travelEn = {
  link: 'Travel and logistics', title: 'Travel: {{title}}', back: 'Back to the delegation',
  manifests: 'Manifests', arrivals: 'Arrivals', departures: 'Departures', csv: 'CSV', html: 'Printable', noEntries: 'No travel recorded.',
  time: 'Time', transport: 'Transport', route: 'Route', travellers: 'Travellers', travellersCount: '{{count}} travellers',
  pickups: 'Pickup runs', pickupSheet: 'Pickup sheet (printable)', noPlan: 'No pickups planned yet.', airport: 'Airport', meeting: 'Meeting', driver: 'Driver',
  seats: 'Seats', members: 'Members', safeguarding: 'Minors rule', ok: 'OK', waiting: 'Waiting report', lands: 'Lands', wait: 'Wait',
  minutes: '{{minutes}} min', totalWait: 'Total waiting: {{minutes}} min', notPickedUp: 'Not picked up',
  lodging: 'Night-by-night lodging', night: 'Night', gaps: '{{count}} without a bed', noGaps: 'Everyone has a bed every night.', noNights: 'No nights to show.',
  lodgingStatus: { ok: 'OK', gap: 'No bed', double: 'Double booking', 'not-needed': 'Not needed' },
  conflicts: 'Conflicts', noConflicts: 'No open conflicts.',
  feeds: 'Calendar feeds', kind: 'Kind', kinds: { delegation: 'Delegation', participant: 'Participant', family: 'Host family' }, subject: 'Member or family',
  created: 'Created', lastFetched: 'Last read', never: 'never', active: 'Active', revoked: 'Revoked', revoke: 'Revoke', createFeed: 'Create feed',
  feedUrl: 'Copy this address now; it is shown only once:', noFeeds: 'No feeds.',
  deliveries: 'Notification delivery log', noDeliveries: 'No notifications sent.', when: 'When', channel: 'Channel', type: 'Type', message: 'Message',
  status: 'Status', attempts: 'Attempts', lastError: 'Last error',
  assign: 'Assign by hand', guest: 'Guest', family: 'Family', choose: 'Choose…', assignSubmit: 'Assign', assigned: 'Offer made to the family.',
  brokenRules: 'This pair breaks these rules:', notOverridable: 'These rules cannot be overridden.', acknowledge: 'I know, assign anyway',
  note: 'Why (recorded with the offer)', assignAnyway: 'Assign anyway', overridden: 'Assigned with an override.',
};
export type TravelMessages = typeof travelEn;
