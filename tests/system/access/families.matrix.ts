import request from 'supertest';
import { MatrixSection } from './matrix-types';

let n = 0;
const family = (hostUserIds: string[] = []) => ({
  name: `Matrix family ${++n}`, address: '1 Main St, Tacoma, WA', latitude: 47.25, longitude: -122.44, bedrooms: 1, beds: 1, hostUserIds,
  members: [{ name: 'Pat Matrix', dateOfBirth: '1980-01-01', relation: 'parent', gender: 'female' }],
});

/**
 * Host families and vetting: coordinators and admins register and edit; youth managers read; a
 * host reads and edits only the family linked to them (this fixture's); another organisation 404.
 * Vetting: staff read (results for youth managers and admins only), youth managers and admins
 * record background checks, staff record home visits and references; hosts may not. A household
 * review is confirmed by a youth manager or an admin: the setup has the host change the members of
 * two more families (one for each of them to confirm).
 */
export const familiesMatrix: MatrixSection = {
  name: 'families',
  setup: async (c) => {
    const created = await request(c.gatewayUrl).post('/api/host-matching/families').set('authorization', `Bearer ${c.tokens.admin}`).send(family([c.fixtures.hostUserId]));
    if (created.status !== 201) throw new Error(`setup: registering a host family answered ${created.status} ${JSON.stringify(created.body)}`);
    c.fixtures.familyId = created.body.id;
    c.fixtures.familyMemberId = created.body.members[0].id;
    for (const who of ['admin', 'youth-manager'] as const) {
      const reviewed = await request(c.gatewayUrl).post('/api/host-matching/families').set('authorization', `Bearer ${c.tokens.admin}`).send(family([c.fixtures.hostUserId]));
      const changed = await request(c.gatewayUrl).patch(`/api/host-matching/families/${reviewed.body.id}`).set('authorization', `Bearer ${c.tokens.host}`)
        .send({ members: [...reviewed.body.members, { name: 'New Lodger', dateOfBirth: '1999-09-09', relation: 'lodger', gender: 'male' }] });
      const vetting = await request(c.gatewayUrl).get(`/api/host-matching/families/${reviewed.body.id}/vetting`).set('authorization', `Bearer ${c.tokens.admin}`);
      if (changed.status !== 200 || !vetting.body.householdReview?.lastPendingChangeId) throw new Error(`setup: a household change answered ${changed.status} ${JSON.stringify(vetting.body)}`);
      c.fixtures[`reviewFamily:${who}`] = reviewed.body.id;
      c.fixtures[`reviewChange:${who}`] = vetting.body.householdReview.lastPendingChangeId;
    }
  },
  endpoints: [
    { method: 'get', route: '/api/host-matching/families', path: () => '/api/host-matching/families',
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 200, otherOrgAdmin: 200 } },
    { method: 'post', route: '/api/host-matching/families', path: () => '/api/host-matching/families', body: () => family(),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 201 } },
    { method: 'get', route: '/api/host-matching/families/:familyId', path: (c) => `/api/host-matching/families/${c.fixtures.familyId}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 200, otherOrgAdmin: 404 } },
    { method: 'patch', route: '/api/host-matching/families/:familyId', path: (c) => `/api/host-matching/families/${c.fixtures.familyId}`,
      body: () => ({ interests: ['hiking', `matrix ${++n}`] }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 200, otherOrgAdmin: 404 } },
    { method: 'get', route: '/api/host-matching/families/:familyId/vetting', path: (c) => `/api/host-matching/families/${c.fixtures.familyId}/vetting`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/host-matching/families/:familyId/background-checks', path: (c) => `/api/host-matching/families/${c.fixtures.familyId}/background-checks`,
      body: (c) => ({ memberId: c.fixtures.familyMemberId, result: 'clear', checkedOn: '2026-01-10', expiresOn: '2027-01-10' }),
      expect: { admin: 201, coordinator: 403, 'youth-manager': 201, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/host-matching/families/:familyId/household-review',
      path: (c, caller) => `/api/host-matching/families/${c.fixtures[`reviewFamily:${caller === 'youth-manager' ? 'youth-manager' : 'admin'}`]}/household-review`,
      body: (c, caller) => ({ lastChangeId: c.fixtures[`reviewChange:${caller === 'youth-manager' ? 'youth-manager' : 'admin'}`] }),
      expect: { admin: 201, coordinator: 403, 'youth-manager': 201, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/host-matching/families/:familyId/home-visits', path: (c) => `/api/host-matching/families/${c.fixtures.familyId}/home-visits`,
      body: () => ({ visitedBy: 'Matrix Visitor', visitedOn: '2026-02-01', present: ['Pat Matrix'] }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 201, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/host-matching/families/:familyId/references', path: (c) => `/api/host-matching/families/${c.fixtures.familyId}/references`,
      body: () => ({ name: 'Ref Matrix', relation: 'neighbour', contact: 'ref@example.org', receivedOn: '2026-02-02' }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 201, host: 403, otherOrgAdmin: 404 } },
  ],
};
