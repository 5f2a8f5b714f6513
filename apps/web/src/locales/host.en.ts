/** English strings of the host-family screens (`host.*`): the reference; host.es.ts and host.zh.ts have the same keys (locales.test.ts). */
export const hostEn = {
  nav: 'My household',
  accept: {
    title: 'Accept your invitation', intro: 'Choose a password for your Twinning account.', noToken: 'This page needs the link from your invitation email.',
    name: 'Your name', email: 'Your email address', emailHelp: 'The address the invitation was sent to; used to sign you in.', password: 'Password',
    passwordHelp: 'At least 12 characters.', language: 'Language for messages', submit: 'Accept and sign in', accepted: 'Invitation accepted. Sign in below.',
    signIn: 'Sign in',
  },
  household: {
    title: 'My household', family: 'Family', none: 'No host family is linked to your account yet.', profile: 'Household profile', name: 'Family name', address: 'Address',
    bedrooms: 'Bedrooms', beds: 'Beds (real beds)', pets: 'Pets', petsNote: 'About the pets (optional)', smoking: 'Someone smokes at home', languages: 'Languages spoken', diets: 'Diets you can cater for',
    interests: 'Interests', listHelp: 'Separate with commas', guestGender: 'Guest gender', guestAgeMin: 'Youngest guest age', guestAgeMax: 'Oldest guest age',
    genders: { any: 'Any', female: 'Female', male: 'Male' },
    members: 'Household members', memberName: 'Name', dateOfBirth: 'Date of birth', relation: 'Relation', gender: 'Gender',
    memberGenders: { female: 'Female', male: 'Male', 'non-binary': 'Non-binary', undisclosed: 'Prefer not to say' },
    addMember: 'Add a member', removeMember: 'Remove member {{n}}', availability: 'Availability', from: 'From', to: 'To', addPeriod: 'Add a period',
    removePeriod: 'Remove period {{n}}', noPeriods: 'No periods: you are not offered guests.', save: 'Save household', saved: 'Household saved',
  },
  vetting: {
    title: 'Vetting', eligible: 'Eligible to host minors', notEligible: 'Not yet eligible to host minors', evaluatedOn: 'Last checked {{date}}',
    notEvaluated: 'Not checked yet', help: 'Your coordinator can tell you which background checks, home visit or references are missing or expiring.',
    reviewPending: 'You changed who lives in your household: a youth manager confirms the change before you can host minors again.',
  },
  placements: {
    title: 'Placements', empty: 'No accepted or confirmed placements.', visit: 'Visit', confirmedAt: 'Confirmed {{date}}', awaitingConsent: 'Waiting for the guardian’s consent',
    arrival: 'Arrives with the delegation on {{date}}, leaves on {{to}}.', calendar: 'Calendar with arrival and pickup', calendarHelp: 'Subscribe to this address in your calendar app (shown only once):',
    withdraw: 'Withdraw', reason: 'Reason for withdrawing', confirmWithdraw: 'Withdraw the placement', withdrawn: 'Placement withdrawn; the coordinator has been told.', cancel: 'Cancel',
    travel: {
      title: 'Arrival and pickup', arrival: 'Arrival', arrives: 'Arrives {{time}} ({{zone}}) at {{place}} on {{journey}}', noArrival: 'No arrival journey known yet',
      notBooked: 'not yet booked', pickup: 'Pickup', meeting: 'Meeting {{time}} ({{zone}}) at {{place}}', driver: 'Driver: {{name}} ({{kind}})', driverUnnamed: 'Driver: {{kind}}',
      noDriver: 'No driver assigned yet', driverKinds: { 'host-family-member': 'a member of your family', volunteer: 'volunteer', 'hired-service': 'hired driver' },
      dropOffHome: 'Drop-off at your home ({{label}})', dropOff: 'Drop-off: {{label}}', noPickup: 'No pickup planned yet', departure: 'Departure',
      leaves: 'Leaves {{time}} ({{zone}}) from {{place}} on {{journey}}', noDeparture: 'No departure journey known yet',
    },
  },
};
export type HostMessages = typeof hostEn;
