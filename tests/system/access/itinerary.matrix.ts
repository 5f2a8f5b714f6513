import request from 'supertest';
import { MatrixSection } from './matrix-types';

/**
 * A delegation's itinerary: the owner's coordinators and admins plan it, youth managers read it;
 * another organisation (not shared with) gets 404. Uses the delegation the delegations section
 * makes (visit 2027-04-10..18, host zone UTC). DELETE is idempotent, so every allowed caller gets 204.
 */
export const itineraryMatrix: MatrixSection = {
  name: 'itinerary',
  setup: async (c) => {
    const created = await request(c.gatewayUrl).post(`/api/delegations/${c.fixtures.delegationId}/itinerary`).set('authorization', `Bearer ${c.tokens.admin}`)
      .send({ title: 'Welcome dinner', venue: 'Hall', startsLocal: '2027-04-10T19:00', endsLocal: '2027-04-10T21:00', timeZone: 'Asia/Shanghai' });
    if (created.status !== 201) throw new Error(`setup: creating an activity answered ${created.status} ${JSON.stringify(created.body)}`);
    c.fixtures.activityId = created.body.id;
    const removable = await request(c.gatewayUrl).post(`/api/delegations/${c.fixtures.delegationId}/itinerary`).set('authorization', `Bearer ${c.tokens.admin}`)
      .send({ title: 'To be removed', startsLocal: '2027-04-11T09:00', endsLocal: '2027-04-11T10:00' });
    if (removable.status !== 201) throw new Error(`setup: creating an activity answered ${removable.status} ${JSON.stringify(removable.body)}`);
    c.fixtures.removableActivityId = removable.body.id;
  },
  endpoints: [
    { method: 'get', route: '/api/delegations/:id/itinerary', path: (c) => `/api/delegations/${c.fixtures.delegationId}/itinerary`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/delegations/:id/itinerary', path: (c) => `/api/delegations/${c.fixtures.delegationId}/itinerary`,
      body: () => ({ title: 'Matrix rehearsal', startsLocal: '2027-04-12T09:30', endsLocal: '2027-04-12T10:30' }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'patch', route: '/api/delegations/:id/itinerary/:activityId', path: (c) => `/api/delegations/${c.fixtures.delegationId}/itinerary/${c.fixtures.activityId}`,
      body: (_c, caller) => ({ title: `Welcome dinner (${caller})` }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'delete', route: '/api/delegations/:id/itinerary/:activityId', path: (c) => `/api/delegations/${c.fixtures.delegationId}/itinerary/${c.fixtures.removableActivityId}`,
      expect: { admin: 204, coordinator: 204, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
  ],
};
