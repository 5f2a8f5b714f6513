import { PlacementHostBriefingV1 } from '@twinning/contracts';
import { hostBriefingNeeds } from './host-briefing-needs';

const briefing = (over: Partial<PlacementHostBriefingV1>): PlacementHostBriefingV1 => ({
  offerId: 'o', delegationId: 'd', memberId: 'm', participantId: 'p', familyId: 'f', familyName: 'Ruiz', hostUserIds: [], guestGivenName: 'Mei', stayFrom: '2027-07-01', stayTo: '2027-07-10',
  diet: [], allergies: [], nonSmokingRequired: false, ...over,
});

describe('hostBriefingNeeds', () => {
  it('takes the codes and notes of a coded briefing', () => {
    expect(hostBriefingNeeds(briefing({ dietCodes: ['halal'], dietNote: '', allergyCodes: ['peanut'], allergyNote: 'EpiPen', diet: ['Halal'], allergies: ['Peanuts'] })))
      .toEqual({ dietCodes: ['halal'], dietNote: null, allergyCodes: ['peanut'], allergyNote: 'EpiPen' });
  });

  it('codes the words of a briefing written before the codes, keeps the rest as written, and a smoke-free home as the smoke allergen', () => {
    expect(hostBriefingNeeds(briefing({ diet: ['vegetarian', 'no pork'], allergies: ['peanuts', 'penicillin'], nonSmokingRequired: true })))
      .toEqual({ dietCodes: ['vegetarian', 'no-pork'], dietNote: null, allergyCodes: ['peanut', 'smoke'], allergyNote: 'penicillin' });
  });
});
