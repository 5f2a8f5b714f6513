import request from 'supertest';
import { eventually } from '@twinning/testing';
import { Caller, MatrixContext, MatrixSection } from './matrix-types';

const API = '/api/logistics';
const R = `${API}/delegations/:delegationId`;
const emergencyContacts = [{ name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101' }];

async function call(c: MatrixContext, method: 'get' | 'post', path: string, expected: number, body?: object) {
  let req = request(c.gatewayUrl)[method](path).set('authorization', `Bearer ${c.tokens.admin}`);
  if (body) req = req.send(body);
  const res = await req;
  if (res.status !== expected) throw new Error(`setup: ${method.toUpperCase()} ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const f = (c: MatrixContext, key: string) => {
  const v = c.fixtures[`travel.${key}`];
  if (!v) throw new Error(`logistics travel fixture ${key} missing (did the setup run?)`);
  return v;
};
const delegation = (c: MatrixContext) => `${API}/delegations/${f(c, 'delegationId')}`;
const flight = (c: MatrixContext) => ({ mode: 'flight', carrier: 'NZ', number: '10', from: 'AKL', to: 'HNL', departureLocal: '2027-04-11T00:30', arrivalLocal: '2027-04-10T10:40',
  direction: 'arrival', memberIds: [f(c, 'memberId')] });
/** The segment one caller books (its own, so each booking is deterministic), else the admin's (the call is refused before it is looked at). */
const bookable = (c: MatrixContext, caller?: Caller) => c.fixtures[`travel.segment.book.${caller}`] ?? f(c, 'segment.book.admin');

/**
 * Travel segments, manifests and lodging (service logistics), on a delegation of its own with one hotel member:
 * coordinators and admins write, youth managers read, hosts 403, another organisation 404. Cancelling a cancelled
 * segment and deleting a deleted hotel stay answer as the first time, so the admin's and the coordinator's calls on the
 * same object agree; each caller books its own segment and records a stay on its own nights.
 */
export const logisticsTravelMatrix: MatrixSection = {
  name: 'logistics travel and lodging',
  setup: async (c) => {
    const put = (key: string, value: string) => (c.fixtures[`travel.${key}`] = value);
    const d = await call(c, 'post', '/api/delegations', 201, { title: 'Matrix travel visit', hostCity: 'Honolulu', startDate: '2027-04-10', endDate: '2027-04-18' });
    put('delegationId', d.id);
    const p = await call(c, 'post', '/api/delegations/participants', 201,
      { givenName: 'Traveller', familyName: 'Matrix', dateOfBirth: '1982-02-02', gender: 'female', nationality: 'NZ', emergencyContacts });
    const m = await call(c, 'post', `/api/delegations/${d.id}/members`, 201, { participantId: p.id, role: 'delegate', lodgingNeed: 'hotel' });
    put('memberId', m.id);
    // logistics learns the delegation and the member from the delegations service's events
    await eventually(async () => {
      const res = await request(c.gatewayUrl).get(`${delegation(c)}/lodging/nights`).set('authorization', `Bearer ${c.tokens.admin}`);
      if (res.status !== 200) throw new Error(`setup: the lodging nights answered ${res.status} ${JSON.stringify(res.body)}`);
      const known = (res.body.nights[0]?.members ?? []).some((x: { memberId: string }) => x.memberId === m.id);
      if (!known) throw new Error('setup: logistics does not know the member yet');
    }, { timeoutMs: 30000, intervalMs: 200 });
    put('segment', (await call(c, 'post', `${delegation(c)}/segments`, 201, flight(c))).id);
    for (const caller of ['admin', 'coordinator'] satisfies Caller[]) put(`segment.book.${caller}`, (await call(c, 'post', `${delegation(c)}/segments`, 201, flight(c))).id);
    const stay = (checkIn: string, checkOut: string) => ({ memberId: m.id, hotel: 'Matrix Hotel', room: '1', checkIn, checkOut });
    put('stay', (await call(c, 'post', `${delegation(c)}/hotel-stays`, 201, stay('2027-04-10', '2027-04-12'))).id);
    put('stay.removable', (await call(c, 'post', `${delegation(c)}/hotel-stays`, 201, stay('2027-04-17', '2027-04-18'))).id);
  },
  endpoints: [
    { method: 'get', route: `${R}/segments`, path: (c) => `${delegation(c)}/segments`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: `${R}/segments`, path: (c) => `${delegation(c)}/segments`, body: (c) => flight(c),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${R}/segments/:segmentId`, path: (c) => `${delegation(c)}/segments/${f(c, 'segment')}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'patch', route: `${R}/segments/:segmentId`, path: (c) => `${delegation(c)}/segments/${f(c, 'segment')}`, body: () => ({ number: '11' }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: `${R}/segments/:segmentId/book`, path: (c, caller) => `${delegation(c)}/segments/${bookable(c, caller)}/book`, body: () => ({ bookingReference: 'MATRIX1' }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: `${R}/segments/:segmentId/cancel`, path: (c) => `${delegation(c)}/segments/${f(c, 'segment')}/cancel`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${R}/manifests/arrivals`, path: (c) => `${delegation(c)}/manifests/arrivals?format=csv`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${R}/manifests/departures`, path: (c) => `${delegation(c)}/manifests/departures?format=html`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${R}/hotel-stays`, path: (c) => `${delegation(c)}/hotel-stays`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: `${R}/hotel-stays`, path: (c) => `${delegation(c)}/hotel-stays`,
      body: (c, caller) => ({ memberId: f(c, 'memberId'), hotel: 'Matrix Hotel', ...(caller === 'coordinator' ? { checkIn: '2027-04-13', checkOut: '2027-04-14' } : { checkIn: '2027-04-12', checkOut: '2027-04-13' }) }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'patch', route: `${R}/hotel-stays/:stayId`, path: (c) => `${delegation(c)}/hotel-stays/${f(c, 'stay')}`, body: () => ({ room: '12' }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'delete', route: `${R}/hotel-stays/:stayId`, path: (c) => `${delegation(c)}/hotel-stays/${f(c, 'stay.removable')}`,
      expect: { admin: 204, coordinator: 204, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${R}/lodging/nights`, path: (c) => `${delegation(c)}/lodging/nights`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
  ],
};
