/** The youth programme manager's screens (English, the reference; youth.es.ts and youth.zh.ts have the same keys). */
export const youthEn = {
  nav: 'Youth programme', participants: 'Participants', checkIns: 'Check-ins', incidents: 'Incidents', reports: 'Reports',
  filters: { q: 'Name contains', delegation: 'Delegation', minor: 'Minors', nationality: 'Nationality (ISO code)', all: 'All', yes: 'Minors only', no: 'Adults only', allergies: 'Allergies' },
  coding: { needsCoding: 'needs coding', note: 'Note (as written)', help: 'This note is not coded yet: the guest is matched with no family that has pets. Choose the codes it means, then confirm.', codes: 'Allergen codes', confirm: 'The codes cover the note', done: 'Allergies coded' },
  list: { name: 'Name', dateOfBirth: 'Date of birth', gender: 'Gender', nationality: 'Nationality', empty: 'No participants match.', total: '{{count}} participants' },
  genders: { female: 'Female', male: 'Male', 'non-binary': 'Non-binary', undisclosed: 'Undisclosed' },
  record: {
    back: 'All participants', languages: 'Languages', diet: 'Diet', allergies: 'Allergies', consent: 'Guardians and consent', noGuardians: 'No guardian recorded.',
    consentGiven: 'Consent given {{date}}', consentExpires: 'expires {{date}}', noConsent: 'No consent recorded', scope: 'Scope', emergency: 'Emergency contacts', noContacts: 'No emergency contact recorded.',
    medical: 'Medical notes', noMedical: 'None recorded.', passport: 'Passport', passportExpiry: 'Passport expiry', visa: 'Visa',
  },
  checkIn: {
    title: 'Check-ins', chooseDelegation: 'Choose a delegation', overdue: 'Overdue: no check-in for {{hours}} h', overdueNone: 'Nobody is overdue.',
    last: 'Last check-in', never: 'never', member: 'Member', method: 'Method', rating: 'Welfare (1–5)', notes: 'Notes', checkedAt: 'When', record: 'Record check-in', recorded: 'Check-in recorded',
    alert: 'welfare alert', methods: { 'in-person': 'In person', phone: 'Phone', video: 'Video', message: 'Message' }, empty: 'No check-ins yet.',
  },
  incident: {
    title: 'Incidents', open: 'Open an incident', delegation: 'Delegation', type: 'Type', severity: 'Severity', description: 'Description', participants: 'People involved', occurredAt: 'Occurred at',
    submit: 'Open incident', opened: 'Incident opened', status: 'Status', clock: 'Report deadline', noClock: 'no deadline', overdue: 'overdue', reportedTo: 'Reported to', report: 'Mark reported',
    reportedDone: 'reported to {{to}}', close: 'Close', empty: 'No incidents.', filter: 'Status', all: 'All',
    types: { 'abuse-allegation': 'Abuse allegation', injury: 'Injury', illness: 'Illness', 'missing-person': 'Missing person', behaviour: 'Behaviour', other: 'Other' },
    severities: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
    statuses: { open: 'Open', reported: 'Reported', closed: 'Closed' },
  },
  report: {
    title: 'Participant report', total: '{{count}} participants', overdue: '{{count}} members with no check-in for {{hours}} h', csv: 'Export CSV', none: 'No data.',
    bar: '{{label}}: {{count}}',
    dims: { programmeArea: 'By programme', gender: 'By gender', ageBand: 'By age band', nationality: 'By country' },
  },
};
