import { solveMatching, verifyOptimality } from '../matcher';
import { explainAssignment, generateCandidates, toInstance } from './candidate-generator';
import { whyNot } from './explanations';
import { family, guest, PLACES } from './fixtures';
import { SCORE_PARTS } from './soft-score';
import { programmeSettings } from './types';

const settings = programmeSettings();

/** Kitakyushu students visiting Tacoma, 2025-07-01 to 2025-07-10 (Yumi stays until the 20th). */
const guests = [
  guest({ id: 'aiko', ageOnArrival: 16, gender: 'female', languages: ['ja', 'en'], diet: ['nut-free'], allergies: ['peanut', 'cat'] }),
  guest({ id: 'kenji', ageOnArrival: 15, gender: 'male', languages: ['ja'], coordinatorUserIds: ['u-coord2'] }),
  guest({ id: 'yumi', ageOnArrival: 17, gender: 'female', languages: ['ja'], allergies: ['animal-dander'], stay: { from: '2025-07-01', to: '2025-07-20' } }),
  guest({ id: 'sato', ageOnArrival: 45, gender: 'male', languages: ['ja', 'en'], nonSmokingRequired: true }),
];
const families = [
  family({ id: 'stadium', freeBeds: 1, pets: ['cat'], languages: ['en', 'ja'], location: PLACES.stadium, timesHosted: 3 }),
  family({ id: 'south-end', freeBeds: 1, dietsCatered: ['nut-free', 'vegetarian'], location: PLACES.southEnd, adultMemberGenders: ['female'], availability: [{ from: '2025-06-15', to: '2025-07-12' }] }),
  family({ id: 'university-place', freeBeds: 2, pets: ['dog'], smoking: true, eligibleForMinors: false, location: PLACES.universityPlace, adultMemberGenders: ['male'] }),
  family({ id: 'seattle', freeBeds: 3, location: PLACES.seattle }),
  family({ id: 'lakewood', freeBeds: 1, location: PLACES.lakewood, hostUserIds: ['u-coord'], adultMemberGenders: ['male'], preferredAge: { min: 30, max: 99 } }),
];

describe('candidate generation', () => {
  const set = generateCandidates({ guests, families, settings });
  const of = (id: string) => set.perGuest.find((g) => g.guestId === id)!;

  it('finds the feasible families of each guest and counts the excluded ones per rule', () => {
    expect(of('aiko').candidates.map((c) => c.familyId)).toEqual(['south-end']);
    expect(of('aiko').excludedByRule).toMatchObject({ MINOR_NOT_ELIGIBLE: 1, HOST_IS_COORDINATOR: 1, PETS_VS_ALLERGY: 1, DISTANCE: 1 });
    expect(of('kenji').candidates.map((c) => c.familyId)).toEqual(['stadium', 'lakewood']);
    expect(of('kenji').excludedByRule).toMatchObject({ MINOR_NOT_ELIGIBLE: 1, GENDER_RULE: 1, DISTANCE: 1 });
    expect(of('sato').candidates.map((c) => c.familyId)).toEqual(['stadium', 'south-end', 'lakewood']);
    expect(of('sato').excludedByRule).toMatchObject({ SMOKING: 1, DISTANCE: 1 });
    for (const g of set.perGuest) {
      const excluded = Object.values(g.excludedByRule).reduce((a, b) => a + b, 0);
      expect(excluded + g.candidates.length).toBe(families.length);
    }
  });

  it('scores are integers and equal the sum of their breakdown', () => {
    const aiko = of('aiko').candidates[0];
    expect(aiko.breakdown).toEqual({ languages: 10, diet: 8, preferredAge: 0, preferredGender: 0, distance: -3, nationalitySpread: 0, fairness: 0 });
    expect(aiko.score).toBe(15);
    expect(of('kenji').candidates.map((c) => c.score)).toEqual([0, -20]); // stadium: +10 ja -4 km -6 hosted 3 times; lakewood: -10 age -10 km
    for (const g of set.perGuest) {
      for (const c of g.candidates) {
        expect(Number.isInteger(c.score)).toBe(true);
        expect(SCORE_PARTS.reduce((a, k) => a + c.breakdown[k], 0)).toBe(c.score);
      }
    }
  });

  it('penalises a nationality already placed with the family and rewards families that hosted less', () => {
    const g = guest();
    const [a, b] = generateCandidates({ guests: [g], families: [family({ id: 'a', assignedNationalities: { JP: 2 } }), family({ id: 'b', timesHosted: 20 })], settings }).perGuest[0].candidates.sort((x, y) => x.familyId.localeCompare(y.familyId));
    expect(a.breakdown.nationalitySpread).toBe(-12);
    expect(b.breakdown.fairness).toBe(-20); // capped at 10 times hosted x 2
  });

  // stadium has one bed: Kenji (0 there, -20 at Lakewood) and Sato (10 there, 5 at Lakewood) both want it; the
  // optimum gives it to Kenji (0 + 5 > -20 + 10)
  it('end to end: candidates -> instance -> optimal matching -> proposals with explanations', () => {
    const inst = toInstance(set);
    const result = solveMatching(inst);
    expect(verifyOptimality(inst, result)).toEqual([]);
    const proposals = explainAssignment(set, result.familyOf);
    const where = Object.fromEntries(proposals.map((p) => [p.guestId, p.familyId]));
    expect(where).toEqual({ aiko: 'south-end', kenji: 'stadium', yumi: null, sato: 'lakewood' });
    expect(result.placed).toBe(3);
    expect(result.totalScore).toBe(15 + 0 + 5);

    const yumi = proposals.find((p) => p.guestId === 'yumi')!;
    expect(yumi.explanation).toMatchObject({ kind: 'no-feasible-family', decidingRule: 'DISTANCE', remainingBefore: 1 });
    expect(yumi.explanation?.message).toBe(
      "no family available from 2025-07-01 to 2025-07-20 vetted for minors not hosted by the guest's own coordinator without pets within 25 km " +
        "(5 families: 1 not available for the whole stay, 1 not vetted for minors, 1 hosted by the guest's coordinator, 1 with pets, 1 beyond 25 km)",
    );
    const sato = proposals.find((p) => p.guestId === 'sato')!;
    expect(sato).toMatchObject({ score: 5, feasibleFamilies: 3, explanation: null });
  });

  it('a guest whose feasible families are full is explained as beds taken', () => {
    const two = generateCandidates({ guests: [guest({ id: 'a' }), guest({ id: 'b' })], families: [family()], settings });
    const proposals = explainAssignment(two, solveMatching(toInstance(two)).familyOf);
    const unplaced = proposals.find((p) => p.familyId === null)!;
    expect(unplaced.explanation).toMatchObject({ kind: 'beds-taken', decidingRule: 'CAPACITY' });
    expect(unplaced.explanation?.message).toBe('the only family that meets the hard rules is full with other guests (a bed for this guest would leave another guest unplaced)');
  });
});

describe('whyNot', () => {
  it('names the first hard rule that excludes the family', () => {
    expect(whyNot(guests[0], families[0], families, settings)).toEqual({ familyId: 'stadium', feasible: false, rule: 'PETS_VS_ALLERGY', message: 'family stadium has a pet (cat) the guest is allergic to (cat)' });
    expect(whyNot(guests[0], families[2], families, settings)).toMatchObject({ feasible: false, rule: 'MINOR_NOT_ELIGIBLE' });
  });

  it('for a feasible family, gives the score lost against the best one', () => {
    expect(whyNot(guests[1], families[4], families, settings)).toMatchObject({ familyId: 'lakewood', feasible: true, score: -20, bestFamilyId: 'stadium', bestScore: 0, scoreLost: 20, message: 'family lakewood is feasible with score -20; the best is family stadium with 0: forcing it loses 20' });
    expect(whyNot(guests[1], families[0], families, settings)).toMatchObject({ feasible: true, scoreLost: 0, bestFamilyId: 'stadium' });
  });
});
