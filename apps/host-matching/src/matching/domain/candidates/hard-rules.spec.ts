import { generateCandidates } from './candidate-generator';
import { explanationFor, publicWhyNot, unplacedTopicReason, whyNot } from './explanations';
import { family, guest, PLACES, STAY } from './fixtures';
import { ageOnArrival, allViolations, coversStay, guestContext, HARD_RULES, HardRuleCode, haversineKm, petTriggers } from './hard-rules';
import { CandidateFamily, CandidateGuest, programmeSettings } from './types';

const settings = programmeSettings();
const minor = (over: Partial<CandidateGuest> = {}) => guest({ ageOnArrival: 15, ...over });

/** One guest, one family: the family must be excluded by exactly `rule`, and the explanation names it. */
function expectExcluded(g: CandidateGuest, f: CandidateFamily, rule: HardRuleCode, message: string, s = settings) {
  const [gc] = generateCandidates({ guests: [g], families: [f], settings: s }).perGuest;
  expect(gc.candidates).toEqual([]);
  expect(gc.excludedByRule[rule]).toBe(1);
  expect(HARD_RULES.filter((r) => r !== rule).every((r) => gc.excludedByRule[r] === 0)).toBe(true);
  expect(gc.explanation).toMatchObject({ kind: 'no-feasible-family', decidingRule: rule, remainingBefore: 1, familiesConsidered: 1 });
  expect(gc.explanation?.message).toBe(message);
}

describe('hard rules', () => {
  it('the base pairs are feasible (adult and minor)', () => {
    const set = generateCandidates({ guests: [guest(), minor({ id: 'g2' })], families: [family()], settings });
    expect(set.perGuest.map((g) => g.candidates.length)).toEqual([1, 1]);
    expect(set.perGuest.map((g) => g.explanation)).toEqual([null, null]);
  });

  it('CAPACITY: a family with no free bed', () => {
    expectExcluded(guest(), family({ freeBeds: 0 }), 'CAPACITY', 'no family with a free bed (1 family: 1 with no free bed)');
  });

  it('AVAILABILITY: the windows must cover the whole stay (adjacent windows join)', () => {
    expectExcluded(guest(), family({ availability: [{ from: '2025-07-01', to: '2025-07-05' }, { from: '2025-07-06', to: '2025-07-31' }] }), 'AVAILABILITY', 'no family available from 2025-07-01 to 2025-07-10 (1 family: 1 not available for the whole stay)');
    expect(coversStay([{ from: '2025-07-01', to: '2025-07-05' }, { from: '2025-07-05', to: '2025-07-10' }], STAY)).toBe(true);
    expect(coversStay([{ from: '2025-07-02', to: '2025-07-31' }], STAY)).toBe(false);
    expect(coversStay([{ from: '2025-06-01', to: '2025-07-09' }], STAY)).toBe(false);
  });

  it('MINOR_NOT_ELIGIBLE: a family not vetted cannot host a minor, but can host an adult', () => {
    expectExcluded(minor(), family({ eligibleForMinors: false }), 'MINOR_NOT_ELIGIBLE', 'no family vetted for minors (1 family: 1 not vetted for minors)');
    expect(allViolations(guestContext(guest()), family({ eligibleForMinors: false }), settings)).toEqual([]);
  });

  it('MINOR_NOT_ELIGIBLE: the age comes from the date of birth on the arrival day; unknown age counts as a minor', () => {
    expect(ageOnArrival({ dateOfBirth: '2007-07-01', stay: STAY })).toBe(18);
    expect(ageOnArrival({ dateOfBirth: '2007-07-02', stay: STAY })).toBe(17);
    const f = family({ eligibleForMinors: false });
    expect(allViolations(guestContext(guest({ ageOnArrival: undefined, dateOfBirth: '2007-07-02' })), f, settings).map((v) => v.rule)).toEqual(['MINOR_NOT_ELIGIBLE']);
    expect(allViolations(guestContext(guest({ ageOnArrival: undefined, dateOfBirth: '2007-07-01' })), f, settings)).toEqual([]);
    expect(allViolations(guestContext(guest({ ageOnArrival: undefined })), f, settings).map((v) => v.rule)).toEqual(['MINOR_NOT_ELIGIBLE']);
  });

  it('HOST_IS_COORDINATOR: nobody hosts a minor they coordinate (adults are not concerned)', () => {
    const f = family({ hostUserIds: ['u-host', 'u-coord'] });
    expectExcluded(minor(), f, 'HOST_IS_COORDINATOR', "no family not hosted by the guest's own coordinator (1 family: 1 hosted by the guest's coordinator)");
    expect(allViolations(guestContext(guest()), f, settings)).toEqual([]);
  });

  it('GENDER_RULE: a minor needs a same-gender host parent present, unless the programme sets no rule', () => {
    const f = family({ adultMemberGenders: ['male'] });
    expectExcluded(minor(), f, 'GENDER_RULE', 'no family with a female host parent present (1 family: 1 without a female host parent present)');
    expect(allViolations(guestContext(minor()), f, programmeSettings({ minorsGenderRule: 'none' }))).toEqual([]);
    expect(allViolations(guestContext(guest()), f, settings)).toEqual([]);
  });

  it('SMOKING: a smoking household for a guest who needs a non-smoking one', () => {
    expectExcluded(guest({ nonSmokingRequired: true }), family({ smoking: true }), 'SMOKING', 'no family without smokers (1 family: 1 smoking)');
    expect(allViolations(guestContext(guest()), family({ smoking: true }), settings)).toEqual([]);
  });

  it('PETS_VS_ALLERGY: a cat for a cat allergy; any pet with dander for an animal-dander allergy (codes, not words)', () => {
    expectExcluded(guest({ allergies: ['peanut', 'cat'] }), family({ pets: ['cat'] }), 'PETS_VS_ALLERGY', 'no family without cats (1 family: 1 with cats)');
    expect(allViolations(guestContext(guest({ allergies: ['cat'] })), family({ pets: ['dog'] }), settings)).toEqual([]);
    expect(allViolations(guestContext(guest({ allergies: ['peanut'] })), family({ pets: ['cat'] }), settings)).toEqual([]);
    expect(petTriggers('dog', 'animal-dander')).toBe(true);
    expect(petTriggers('fish', 'animal-dander')).toBe(false);
    expect(petTriggers('dog', 'dog')).toBe(true);
    // what was written "dog hair" is the dog allergen once coded: the family with a dog is excluded
    expectExcluded(guest({ allergies: ['dog'] }), family({ pets: ['dog'] }), 'PETS_VS_ALLERGY', 'no family without dogs (1 family: 1 with dogs)');
  });

  it('ALLERGY_NOT_CODED: an allergy not coded yet keeps the guest from every family with pets, even a fish', () => {
    expectExcluded(guest({ allergiesNeedCoding: true }), family({ pets: ['fish'] }), 'ALLERGY_NOT_CODED',
      "no family without pets (the guest's allergies are not coded yet) (1 family: 1 with pets while the guest's allergies are not coded)");
    expect(allViolations(guestContext(guest({ allergiesNeedCoding: true })), family({ pets: [] }), settings)).toEqual([]);
  });

  it("the public reason (the general placement topic) never names the guest's allergies", () => {
    const g = minor({ allergies: ['cat'], nonSmokingRequired: true });
    const families = [family({ id: 'cat', pets: ['cat'] }), family({ id: 'smokers', smoking: true }), family({ id: 'far', location: PLACES.seattle })];
    const [gc] = generateCandidates({ guests: [g], families, settings }).perGuest;
    expect(gc.explanation?.message).toBe('no family without smokers without cats within 25 km (3 families: 1 smoking, 1 with cats, 1 beyond 25 km)');
    expect(gc.explanation).toMatchObject({ decidingRule: 'DISTANCE', publicRule: 'DISTANCE' });
    expect(gc.explanation?.publicMessage).toBe("no family meeting the guest's health needs within 25 km (3 families: 2 not meeting the guest's health needs, 1 beyond 25 km)");
    const [onlyPets] = generateCandidates({ guests: [g], families: [families[0]], settings }).perGuest;
    expect(unplacedTopicReason(onlyPets.explanation!)).toEqual({ rule: 'HEALTH_NEEDS', reason: "no family meeting the guest's health needs (1 family: 1 not meeting the guest's health needs)" });
    expect(explanationFor(onlyPets.explanation, false)).toMatchObject({ decidingRule: 'HEALTH_NEEDS', excludedByRule: { HEALTH_NEEDS: 1 } });
    expect(JSON.stringify(explanationFor(onlyPets.explanation, false))).not.toMatch(/PETS_VS_ALLERGY|"SMOKING"|cats? /);
    expect(explanationFor(onlyPets.explanation, true)?.message).toBe('no family without cats (1 family: 1 with cats)');
    // explanations stored before the public form: reduced to what names no allergy; one without health rules kept
    expect(unplacedTopicReason({ decidingRule: 'DISTANCE', message: 'no family without cats within 25 km', excludedByRule: { PETS_VS_ALLERGY: 1, DISTANCE: 1 } }))
      .toEqual({ rule: 'DISTANCE', reason: 'no family passes the hard rules (the last ones ruled out by DISTANCE)' });
    expect(explanationFor({ kind: 'profile-missing', decidingRule: null, message: 'no matching profile yet' }, false)).toMatchObject({ decidingRule: null, message: 'no matching profile yet' });
    const why = whyNot(g, families[0], families, settings);
    expect(why).toMatchObject({ feasible: false, rule: 'PETS_VS_ALLERGY' });
    expect(publicWhyNot(why)).toEqual({ familyId: 'cat', feasible: false, rule: 'HEALTH_NEEDS', message: "family cat does not meet the guest's health needs" });
  });

  it('DISTANCE: haversine km to the venue above the programme limit', () => {
    expect(haversineKm(PLACES.seattle, guest().venue)).toBeCloseTo(41.7, 1);
    expectExcluded(guest(), family({ location: PLACES.seattle }), 'DISTANCE', 'no family within 25 km (1 family: 1 beyond 25 km)');
    expect(allViolations(guestContext(guest()), family({ location: PLACES.seattle }), programmeSettings({ maxDistanceKm: 50 }))).toEqual([]);
  });

  it('the explanation names the rule at which the candidates ran out, with the counts of the rules before it', () => {
    const g = minor({ allergies: ['animal-dander'] });
    const families = [family({ id: 'dog', pets: ['dog'] }), family({ id: 'far', location: PLACES.seattle }), family({ id: 'full', freeBeds: 0, location: PLACES.seattle })];
    const [gc] = generateCandidates({ guests: [g], families, settings }).perGuest;
    expect(gc.excludedByRule).toMatchObject({ CAPACITY: 1, PETS_VS_ALLERGY: 1, DISTANCE: 1 });
    expect(gc.explanation).toMatchObject({ decidingRule: 'DISTANCE', remainingBefore: 1, familiesConsidered: 3 });
    expect(gc.explanation?.message).toBe('no family with a free bed without pets within 25 km (3 families: 1 with no free bed, 1 with pets, 1 beyond 25 km)');
  });

  it('no family at all', () => {
    const [gc] = generateCandidates({ guests: [guest()], families: [], settings }).perGuest;
    expect(gc.explanation).toMatchObject({ decidingRule: null, message: 'no host family is available in this matching run' });
  });
});
