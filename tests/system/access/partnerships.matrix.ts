import request from 'supertest';
import { MatrixSection } from './matrix-types';

let n = 0;
const partnership = () => ({ partnerCity: `Matrix City ${++n}`, partnerCountry: 'CN', partnerTimeZone: 'Asia/Shanghai', establishedOn: '1994-10-04', programmeAreas: ['youth-education'] });

/** An organisation's partner cities: its coordinators and admins write, youth managers read, nobody else sees them. */
export const partnershipsMatrix: MatrixSection = {
  name: 'partnerships',
  setup: async (c) => {
    const created = await request(c.gatewayUrl).post('/api/delegations/partnerships').set('authorization', `Bearer ${c.tokens.admin}`).send(partnership());
    if (created.status !== 201) throw new Error(`setup: registering a partnership answered ${created.status} ${JSON.stringify(created.body)}`);
    c.fixtures.partnershipId = created.body.id;
  },
  endpoints: [
    { method: 'get', route: '/api/delegations/partnerships', path: () => '/api/delegations/partnerships',
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 200 } },
    { method: 'post', route: '/api/delegations/partnerships', path: () => '/api/delegations/partnerships', body: () => partnership(),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 201 } },
    { method: 'get', route: '/api/delegations/partnerships/:partnershipId', path: (c) => `/api/delegations/partnerships/${c.fixtures.partnershipId}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'patch', route: '/api/delegations/partnerships/:partnershipId', path: (c) => `/api/delegations/partnerships/${c.fixtures.partnershipId}`,
      body: () => ({ programmeAreas: ['youth-education', 'arts-culture'] }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
  ],
};
