/**
 * Demo participants (issue #4) for two delegations, added through the public API by seed-demo.ts.
 * Idempotent: a participant is found again by name and date of birth; a member already on the
 * delegation (409 MEMBER.DUPLICATE) is kept.
 */
import { Call } from './demo-support';

interface DemoPerson {
  givenName: string; familyName: string; dateOfBirth: string; gender: 'female' | 'male' | 'non-binary' | 'undisclosed'; languages: string[]; nationality: string;
  /** codes of the vocabulary (libs/contracts/src/vocabulary) with a note; an allergy note left uncoded is flagged "needs coding" */
  dietaryNeeds?: { codes: string[]; note?: string }; allergies?: { codes: string[]; note?: string; needsCoding?: boolean }; medicalNotes?: string;
  emergencyContacts: { name: string; relation: string; phone: string; email?: string }[];
  guardians?: { name: string; relation: string; phone: string; email?: string; consentGivenAt?: string; consentScope?: string; consentExpiresOn?: string }[];
  passportNumber?: string; passportExpiry?: string; visaStatus?: string;
  member: { role: 'official' | 'delegate' | 'student' | 'chaperone' | 'interpreter'; lodgingNeed: 'homestay' | 'hotel' | 'none'; isLeader?: boolean };
}

const parent = (name: string, relation: string, phone: string, consentGivenAt: string, scope = 'travel to Fuzhou, homestay, rehearsals and concerts, emergency medical treatment') => ({
  emergencyContacts: [{ name, relation, phone }],
  guardians: [{ name, relation, phone, consentGivenAt, consentScope: scope, consentExpiresOn: '2027-05-31' }],
});
const student = (givenName: string, familyName: string, dateOfBirth: string, gender: DemoPerson['gender'], guardian: ReturnType<typeof parent>, extra: Partial<DemoPerson> = {}): DemoPerson => ({
  givenName, familyName, dateOfBirth, gender, languages: ['en'], nationality: 'US', ...guardian, passportExpiry: '2031-06-30', visaStatus: 'applied',
  member: { role: 'student', lodgingNeed: 'homestay' }, ...extra,
});

export const DEMO_PARTICIPANTS: Record<string, DemoPerson[]> = {
  'Tacoma Youth Symphony to Fuzhou': [
    student('Emma', 'Larsen', '2010-09-14', 'female', parent('Karen Larsen', 'mother', '+1 253 555 0111', '2027-01-15T19:00:00Z'), { allergies: { codes: ['peanut'], note: 'anaphylaxis', needsCoding: false }, medicalNotes: 'anaphylaxis to peanuts: two adrenaline auto-injectors in the chaperone kit' }),
    student('Noah', 'Nguyen', '2011-02-03', 'male', parent('Linh Nguyen', 'father', '+1 253 555 0112', '2027-01-16T02:30:00Z'), { dietaryNeeds: { codes: ['vegetarian'] }, languages: ['en', 'vi'] }),
    student('Sofia', 'Ramirez', '2012-06-21', 'female', parent('Maria Ramirez', 'mother', '+1 253 555 0113', '2027-01-18T17:45:00Z'), { languages: ['en', 'es'] }),
    student('Jamal', 'Carter', '2009-11-30', 'male', parent('Denise Carter', 'mother', '+1 253 555 0114', '2027-01-20T20:10:00Z')),
    student('Ava', 'Kim', '2011-12-05', 'female', parent('Daniel Kim', 'father', '+1 253 555 0115', '2027-01-21T16:00:00Z'), { languages: ['en', 'ko'], passportExpiry: '2027-08-01' }),
    // an allergy the vocabulary has no code for: the youth manager sees her under "needs coding"
    { givenName: 'Rachel', familyName: 'Moore', dateOfBirth: '1984-03-12', gender: 'female', languages: ['en'], nationality: 'US', emergencyContacts: [{ name: 'Tom Moore', relation: 'spouse', phone: '+1 253 555 0121' }],
      allergies: { codes: ['cat'], note: 'mould: sneezing in damp rooms' },
      passportExpiry: '2033-01-01', visaStatus: 'applied', member: { role: 'chaperone', lodgingNeed: 'hotel' } },
    { givenName: 'David', familyName: 'Okafor', dateOfBirth: '1979-07-08', gender: 'male', languages: ['en'], nationality: 'US', emergencyContacts: [{ name: 'Grace Okafor', relation: 'spouse', phone: '+1 253 555 0122' }],
      passportExpiry: '2032-04-15', visaStatus: 'applied', member: { role: 'chaperone', lodgingNeed: 'hotel' } },
    { givenName: 'Hannah', familyName: 'Becker', dateOfBirth: '1971-05-27', gender: 'female', languages: ['en', 'de'], nationality: 'US', emergencyContacts: [{ name: 'Paul Becker', relation: 'spouse', phone: '+1 253 555 0123' }],
      passportExpiry: '2034-09-09', visaStatus: 'applied', member: { role: 'official', lodgingNeed: 'hotel', isLeader: true } },
  ],
  'Jalalabad students exchange in San Diego': [
    ...[
      ['Farid', 'Ahmadzai', '2010-03-21', 'male', 'Gul Ahmadzai', 'father'],
      ['Zarghona', 'Safi', '2009-08-02', 'female', 'Nazia Safi', 'mother'],
      ['Wahid', 'Noori', '2011-01-15', 'male', 'Habib Noori', 'father'],
      ['Mariam', 'Sultani', '2010-10-10', 'female', 'Laila Sultani', 'mother'],
    ].map(([given, family, dob, gender, guardianName, relation], n): DemoPerson => ({
      givenName: given, familyName: family, dateOfBirth: dob, gender: gender as DemoPerson['gender'], languages: ['ps', 'fa', 'en'], nationality: 'AF', dietaryNeeds: { codes: ['halal'] },
      emergencyContacts: [{ name: guardianName, relation, phone: `+93 70 555 01${20 + n}` }],
      guardians: [{ name: guardianName, relation, phone: `+93 70 555 01${20 + n}`, consentGivenAt: '2027-03-02T06:00:00Z', consentScope: 'travel to San Diego, homestay, school programme, emergency medical treatment', consentExpiresOn: '2027-08-31' }],
      passportExpiry: '2030-12-31', visaStatus: 'granted', member: { role: 'student', lodgingNeed: 'homestay' },
    })),
    { givenName: 'Abdul', familyName: 'Rahimi', dateOfBirth: '1976-04-04', gender: 'male', languages: ['ps', 'fa', 'en'], nationality: 'AF', dietaryNeeds: { codes: ['halal'] },
      emergencyContacts: [{ name: 'Shabana Rahimi', relation: 'spouse', phone: '+93 70 555 0130' }], passportExpiry: '2031-05-05', visaStatus: 'granted',
      member: { role: 'chaperone', lodgingNeed: 'hotel', isLeader: true } },
  ],
};

/** Registers the delegation's demo participants (if new) and adds them as members (if not yet). */
export async function seedParticipants(call: Call, gateway: string, token: string, delegationId: string, title: string): Promise<void> {
  for (const person of DEMO_PARTICIPANTS[title] ?? []) {
    const { member, ...body } = person;
    const found = await call<{ items: { id: string; givenName: string; familyName: string; dateOfBirth: string }[] }>(gateway, 'GET',
      `/api/delegations/participants?limit=200&q=${encodeURIComponent(person.familyName)}`, token);
    if (found.status !== 200) throw new Error(`GET /api/delegations/participants answered ${found.status}`);
    let id = found.body.items.find((p) => p.givenName === person.givenName && p.familyName === person.familyName && p.dateOfBirth === person.dateOfBirth)?.id;
    if (!id) {
      const res = await call<{ id: string }>(gateway, 'POST', '/api/delegations/participants', token, body);
      if (res.status !== 201) throw new Error(`registering ${person.givenName} ${person.familyName} answered ${res.status}: ${JSON.stringify(res.body)}`);
      id = res.body.id;
      process.stdout.write(`[demo] participant ${person.givenName} ${person.familyName}\n`);
    }
    const added = await call<{ code?: string }>(gateway, 'POST', `/api/delegations/${delegationId}/members`, token, { participantId: id, ...member });
    if (added.status === 201) process.stdout.write(`[demo] "${title}": ${person.givenName} ${person.familyName} as ${member.role}\n`);
    else if (!(added.status === 409 && added.body?.code === 'MEMBER.DUPLICATE')) throw new Error(`adding ${person.givenName} ${person.familyName} to "${title}" answered ${added.status}: ${JSON.stringify(added.body)}`);
  }
}
