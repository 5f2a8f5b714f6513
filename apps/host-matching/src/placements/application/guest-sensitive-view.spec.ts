import { ALLERGY_WITHHELD, withheldForCaller } from './guest-sensitive-view';

describe('withheldForCaller', () => {
  const answer = {
    proposals: [{ explanation: null, excludedByRule: { DISTANCE: 1 } }],
    unplacedGuests: [{ explanation: { kind: 'no-feasible-family', decidingRule: 'PETS_VS_ALLERGY', excludedByRule: { PETS_VS_ALLERGY: 2 }, message: 'no family without cats and dogs' } }],
    brokenRules: [{ rule: 'PETS_VS_ALLERGY', message: 'family f1 has a pet (cat) the guest is allergic to (cats)' }, { rule: 'DISTANCE', message: 'family f1 is 30.0 km from the venue' }],
  };

  it('keeps the allergy in the messages for whom may see allergies', () => {
    expect(withheldForCaller({ roles: ['coordinator'] }, ['partner'], answer)).toBe(answer);
    expect(withheldForCaller({ roles: ['host'] }, ['host-of-guest'], answer)).toBe(answer);
  });

  it('replaces only the messages about the pets-vs-allergy rule for the others, keeping codes and counts', () => {
    const shown = withheldForCaller({ roles: ['admin', 'youth-manager'] }, ['partner'], answer);
    expect(shown.unplacedGuests[0].explanation).toEqual({ ...answer.unplacedGuests[0].explanation, message: ALLERGY_WITHHELD });
    expect(shown.brokenRules).toEqual([{ rule: 'PETS_VS_ALLERGY', message: ALLERGY_WITHHELD }, answer.brokenRules[1]]);
    expect(shown.proposals).toEqual(answer.proposals);
    expect(JSON.stringify(shown)).not.toMatch(/cat|dog/);
  });
});
