import { CandidateFamily, CandidateGuest, GeoPoint } from './types';

/** Test fixtures (Tacoma, WA): the venue and a few real places around it. */
export const TACOMA_VENUE: GeoPoint = { lat: 47.2364, lng: -122.4275 };
export const PLACES = {
  stadium: { lat: 47.266, lng: -122.45 }, // ~3.7 km from the venue
  southEnd: { lat: 47.215, lng: -122.46 }, // ~3.4 km
  universityPlace: { lat: 47.2357, lng: -122.5504 }, // ~9.3 km
  lakewood: { lat: 47.1718, lng: -122.5185 }, // ~9.9 km
  seattle: { lat: 47.6062, lng: -122.3321 }, // ~41.7 km
} satisfies Record<string, GeoPoint>;

export const STAY = { from: '2025-07-01', to: '2025-07-10' };

export function guest(over: Partial<CandidateGuest> = {}): CandidateGuest {
  return { id: 'g1', ageOnArrival: 35, gender: 'female', languages: ['en'], diet: [], allergies: [], nonSmokingRequired: false, nationality: 'JP', coordinatorUserIds: ['u-coord'], venue: TACOMA_VENUE, stay: STAY, ...over };
}

export function family(over: Partial<CandidateFamily> = {}): CandidateFamily {
  return {
    id: 'f1',
    freeBeds: 1,
    availability: [{ from: '2025-06-01', to: '2025-08-31' }],
    pets: [],
    smoking: false,
    languages: ['en'],
    dietsCatered: [],
    location: PLACES.stadium,
    eligibleForMinors: true,
    hostUserIds: ['u-host'],
    timesHosted: 0,
    adultMemberGenders: ['female', 'male'],
    ...over,
  };
}
