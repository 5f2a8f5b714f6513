/**
 * English strings of the coordinator's delegation screens (creating and editing a delegation, its members and their
 * needs, its itinerary, the dashboard's open problems), merged into `delegation.*` (i18n.ts); the reference:
 * delegation.es.ts and delegation.zh.ts have the same keys (locales.test.ts).
 */
export const delegationEn = {
  rematch: 're-match',
  form: {
    title: 'Title', hostCity: 'Host city', startDate: 'First day', endDate: 'Last day',
    direction: 'Direction', directions: { outbound: 'Outbound: we visit our partner city', inbound: 'Inbound: we host visitors from our partner city' },
    partnership: 'Partner city', noPartnership: 'No partnership',
    purpose: 'Purpose', programmeArea: 'Programme area', noArea: 'Not set',
    areas: {
      'arts-culture': 'Arts and culture', 'youth-education': 'Youth and education', 'economic-development': 'Economic development',
      'municipal-technical': 'Municipal and technical', humanitarian: 'Humanitarian',
    },
    hostTimeZone: 'Host time zone', zoneAutomatic: 'Automatic (the partner city’s zone for an outbound visit, otherwise UTC)',
    zoneHint: 'Itinerary times are entered and shown in this zone.',
    minorsPerAdult: 'Minors per adult', minorsPerAdultHint: 'At least one adult (18 or over) for every this many minors.',
  },
  create: { button: 'New delegation', title: 'New delegation', submit: 'Create delegation', cancel: 'Back to the delegations' },
  details: {
    title: 'Details', edit: 'Edit details', save: 'Save details', saved: 'Details saved', cancel: 'Cancel',
    ratio: 'One adult for every {{count}} minors', direction: 'Direction', purpose: 'Purpose',
    partnership: 'Partner city', programmeArea: 'Programme area',
  },
  lifecycle: {
    title: 'Status',
    to: { planning: 'Start planning', confirmed: 'Confirm the delegation', 'in-progress': 'Start the visit', completed: 'Mark as completed', cancelled: 'Cancel the delegation' },
    reason: 'Reason for cancelling', confirmCancel: 'Yes, cancel the delegation', keep: 'Keep the delegation',
    done: 'Status is now: {{status}}', closed: 'This delegation is closed and can no longer change.', cancelledReason: 'Cancelled: {{reason}}',
  },
  member: {
    actions: 'Actions', edit: 'Edit', editLabel: 'Edit {{name}}', remove: 'Remove', removeLabel: 'Remove {{name}}',
    confirmRemove: 'Yes, remove {{name}}', keep: 'Keep', change: 'Change {{name}}', notes: 'Notes', save: 'Save member', cancel: 'Cancel',
  },
  register: {
    title: 'Register a new participant', hint: 'For someone who is not yet a participant: they are registered with their needs and added to this delegation.',
    open: 'Register a new participant', close: 'Close the form',
    person: 'The person', givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth', gender: 'Gender',
    genders: { female: 'Female', male: 'Male', 'non-binary': 'Non-binary', undisclosed: 'Prefer not to say' },
    nationality: 'Nationality', nationalityHint: 'Two-letter country code, e.g. US or CN',
    languages: 'Languages', languagesHint: 'Language codes separated by commas, e.g. en, zh',
    needs: 'Needs', diet: 'Dietary needs', allergies: 'Allergies', dietNote: 'Note on the diet', allergyNote: 'Note on the allergies', allergyNoteHelp: 'For what no code above says; a note is flagged for a youth manager to code',
    contact: 'Emergency contact', contactName: 'Contact name', contactRelation: 'Contact relation', contactPhone: 'Contact phone', contactEmail: 'Contact email',
    guardian: 'Guardian (for a participant under 18)', addGuardian: 'Add a guardian', guardianName: 'Guardian name', guardianRelation: 'Guardian relation',
    guardianPhone: 'Guardian phone', guardianEmail: 'Guardian email', consent: 'The guardian has given consent', consentExpires: 'Consent valid until',
    membership: 'In this delegation', submit: 'Register and add',
    done: '{{name}} registered and added to the delegation', registeredOnly: '{{name}} is registered but not yet added: correct the membership and try again.',
  },
  itinerary: {
    title: 'Itinerary', zone: 'Times are in the host city’s time zone: {{zone}}', empty: 'No activities yet.',
    activity: 'Activity', place: 'Place', address: 'Address', starts: 'Starts', ends: 'Ends', who: 'Who', actions: 'Actions',
    everyone: 'All members', chosen: '{{count}} members', allMembers: 'All members attend', attendees: 'Attending members',
    localHint: 'Local time in {{zone}}',
    add: 'Add an activity', addSubmit: 'Add activity', change: 'Change an activity', save: 'Save activity', cancel: 'Cancel editing',
    edit: 'Edit', editLabel: 'Edit {{title}}', delete: 'Delete', deleteLabel: 'Delete {{title}}', confirmDelete: 'Yes, delete {{title}}', keep: 'Keep',
    added: 'Activity added', saved: 'Activity saved', deleted: 'Activity deleted',
    ambiguous: 'This time happens twice (the clocks go back): the earlier one is used.', overlaps: 'Overlaps',
  },
  problems: { expiring: 'Offers expiring within 24 h', failed: 'Failed notifications', unknown: 'not known' },
};
export type DelegationMessages = typeof delegationEn;
