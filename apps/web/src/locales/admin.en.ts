/** The admin's screens (English, the reference; admin.es.ts and admin.zh.ts have the same keys). */
export const adminEn = {
  nav: 'Admin', title: 'Organisation', members: 'Members', name: 'Name', email: 'Email', roles: 'Roles', since: 'Member since', disabled: 'disabled',
  saveRoles: 'Save roles', rolesSaved: 'Roles saved', rolesOf: 'Roles of {{name}}',
  roleNames: { admin: 'Admin', coordinator: 'Coordinator', 'youth-manager': 'Youth manager', host: 'Host' },
  access: {
    title: 'Access', of: 'Access of {{name}}', remove: 'Remove', disable: 'Disable account', enable: 'Enable account', cancel: 'Cancel',
    confirm: {
      remove: 'Remove {{name}} from the organisation? Their sessions end at once.',
      disable: 'Disable the account of {{name}}? They cannot sign in, and every session ends at once.',
      enable: 'Let {{name}} sign in again?',
    },
  },
  invite: { title: 'Invite a user', email: 'Email', name: 'Name', roles: 'Roles', language: 'Language', orgDefault: 'Organisation default', submit: 'Send invitation', sent: 'Invitation sent to {{email}}' },
  audit: { title: 'Audit trail', when: 'When', who: 'Who', what: 'Request', status: 'Result', correlation: 'Correlation id', empty: 'No entries.', newer: 'Newer', older: 'Older', range: '{{from}}–{{to}} of {{total}}',
    sensitiveRead: 'read {{fields}} of participant {{subject}}', recordedBy: 'recorded by {{source}}', medicalNotes: 'medical notes', guardianContacts: 'guardians’ contacts', signInFailed: 'Failed sign-in to the account of {{name}} from {{address}}', signInThrottled: 'Sign-in to the account of {{name}} from {{address}} refused: too many attempts' },
};
