import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { MatrixSection } from './matrix-types';

const partner = randomUUID();

export const delegationsMatrix: MatrixSection = {
  name: 'delegations and sharing',
  setup: async (c) => {
    // the delegation belongs to a partnership whose partner organisation is `partner`: the one it may be shared with
    const partnership = await request(c.gatewayUrl).post('/api/delegations/partnerships').set('authorization', `Bearer ${c.tokens.admin}`)
      .send({ partnerCity: 'Fuzhou', partnerCountry: 'CN', partnerTimeZone: 'Asia/Shanghai', establishedOn: '1994-01-01', programmeAreas: ['arts-culture'], partnerOrganisationId: partner });
    if (partnership.status !== 201) throw new Error(`setup: registering a partnership answered ${partnership.status} ${JSON.stringify(partnership.body)}`);
    const created = await request(c.gatewayUrl).post('/api/delegations').set('authorization', `Bearer ${c.tokens.admin}`)
      .send({ title: 'Tacoma Youth Symphony to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18', partnershipId: partnership.body.id });
    if (created.status !== 201) throw new Error(`setup: creating a delegation answered ${created.status} ${JSON.stringify(created.body)}`);
    c.fixtures.delegationId = created.body.id;
    const lifecycle = await request(c.gatewayUrl).post('/api/delegations').set('authorization', `Bearer ${c.tokens.admin}`)
      .send({ title: 'Matrix lifecycle visit', hostCity: 'Fuzhou', startDate: '2027-05-10', endDate: '2027-05-12' });
    if (lifecycle.status !== 201) throw new Error(`setup: creating a delegation answered ${lifecycle.status} ${JSON.stringify(lifecycle.body)}`);
    c.fixtures.lifecycleDelegationId = lifecycle.body.id;
  },
  endpoints: [
    { method: 'get', route: '/api/delegations', path: () => '/api/delegations',
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 200 } },
    { method: 'post', route: '/api/delegations', path: () => '/api/delegations',
      body: () => ({ title: 'Matrix visit', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-12' }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 201 } },
    { method: 'get', route: '/api/delegations/:id', path: (c) => `/api/delegations/${c.fixtures.delegationId}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'patch', route: '/api/delegations/:id', path: (c) => `/api/delegations/${c.fixtures.delegationId}`,
      body: () => ({ purpose: 'music exchange' }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    // its own delegation (the others' fixtures stay drafts): the admin moves it to planning, the coordinator cancels it
    { method: 'post', route: '/api/delegations/:id/transitions', path: (c) => `/api/delegations/${c.fixtures.lifecycleDelegationId}/transitions`,
      body: (_c, caller) => ({ to: caller === 'admin' ? 'planning' : 'cancelled' }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: '/api/delegations/:id/shares', path: (c) => `/api/delegations/${c.fixtures.delegationId}/shares`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/delegations/:id/shares', path: (c) => `/api/delegations/${c.fixtures.delegationId}/shares`,
      body: () => ({ organisationId: partner }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    // any organisation but the partnership's partner: 409 DELEGATION.SHARE_NOT_PARTNER for those who may share
    { method: 'post', route: '/api/delegations/:id/shares', path: (c) => `/api/delegations/${c.fixtures.delegationId}/shares`,
      body: () => ({ organisationId: randomUUID() }),
      expect: { admin: 409, coordinator: 409, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'delete', route: '/api/delegations/:id/shares/:organisationId', path: (c) => `/api/delegations/${c.fixtures.delegationId}/shares/${partner}`,
      expect: { admin: 204, coordinator: 204, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
  ],
};
