/** English strings: the reference; es.ts and zh.ts have the same keys (a unit test checks). */
export const en = {
  app: { title: 'Twinning', signOut: 'Sign out', language: 'Language', dashboard: 'Delegations', offers: 'My offers', skip: 'Skip to content', menu: 'Menu', navigation: 'Main navigation' },
  signIn: { title: 'Sign in', email: 'Email', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed', expired: 'Your session has ended. Please sign in again.', forgot: 'Forgot password?', passwordChanged: 'Your password has been changed and you were signed out everywhere. Sign in with the new password.' },
  passwordReset: {
    requestTitle: 'Forgot your password?', requestIntro: 'Enter the email address of your account: we will send you a link to choose a new password.',
    requestSubmit: 'Send the link', sent: 'If an account has the address {{email}}, a link to choose a new password is on its way. It works once, for a limited time.',
    backToSignIn: 'Back to sign-in', chooseTitle: 'Choose a new password', chooseIntro: 'Choosing a new password signs you out everywhere.',
    noToken: 'This page needs the link from your password reset email.', newPassword: 'New password', passwordHelp: 'At least 12 characters; a long passphrase is best.',
    chooseSubmit: 'Save the new password', askAgain: 'Ask for a new link',
  },
  common: { loading: 'Loading…', error: 'Something went wrong', notFound: 'Not found', save: 'Save', back: 'Back', none: 'None', actions: 'Actions' },
  status: {
    draft: 'Draft', planning: 'Planning', confirmed: 'Confirmed', 'in-progress': 'In progress', completed: 'Completed', cancelled: 'Cancelled',
    offered: 'Offered', accepted: 'Accepted', declined: 'Declined', expired: 'Expired', withdrawn: 'Withdrawn', released: 'Released',
  },
  dashboard: {
    title: 'Delegations', filter: 'Status', all: 'All', empty: 'No delegations.', delegation: 'Delegation', hostCity: 'Host city', dates: 'Dates', status: 'Status',
    guests: 'Homestay guests', unplaced: 'Unplaced', conflicts: 'Open conflicts',
  },
  delegation: {
    members: 'Members', name: 'Name', role: 'Role', lodging: 'Lodging', age: 'Age', minor: 'Minor', consent: 'Consent', leader: 'Leader',
    addMember: 'Add a member', participant: 'Participant', add: 'Add', added: 'Member added',
    roles: { official: 'Official', delegate: 'Delegate', student: 'Student', chaperone: 'Chaperone', interpreter: 'Interpreter' },
    lodgings: { homestay: 'Homestay', hotel: 'Hotel', none: 'None' },
    matching: 'Host-family matching', venue: 'Venue', venueName: 'Venue name', latitude: 'Latitude', longitude: 'Longitude', saveVenue: 'Save venue', venueSaved: 'Venue saved',
    run: 'Run matching', running: 'Matching in progress… {{seconds}} s', runDone: '{{placed}} of {{guests}} guests placed (score {{score}})', optimal: 'certified optimal',
    proposals: 'Proposals', guest: 'Guest', family: 'Family', score: 'Score', breakdown: 'Score breakdown', unplacedGuests: 'Unplaced guests', why: 'Why',
    release: 'Release offers', released: '{{count}} offers released (deadline {{hours}} h)', offers: 'Offers', deadline: 'Deadline', timeLeft: 'Time left',
    roomingList: 'Rooming list (printable)', noRun: 'No matching run yet.', noOffers: 'No offers yet.',
  },
  offers: {
    one: 'Offer to your family',
    title: 'Offers to your family', empty: 'No offers.', guest: 'Your guest', age: 'Age on arrival: {{age}}', minor: 'Minor', languages: 'Languages', nationality: 'Nationality',
    diet: 'Diet', allergies: 'Allergies', gender: 'Gender', visit: 'Visit', deadline: 'Answer by {{date}}', accept: 'Accept', decline: 'Decline', reason: 'Reason for declining',
    confirmDecline: 'Decline the offer', accepted: 'Offer accepted', declinedDone: 'Offer declined', notFound: 'This offer does not exist or is not for your family.',
    open: 'Open',
  },
  time: { left: '{{d}} d {{h}} h {{m}} min left', leftShort: '{{h}} h {{m}} min left', over: 'deadline passed' },
};
export type Messages = typeof en;
