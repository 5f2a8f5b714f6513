import request from 'supertest';
import { eventually } from '@twinning/testing';
import { MatrixSection } from './matrix-types';

export const notificationsMatrix: MatrixSection = {
  name: 'notifications',
  setup: async (c) => {
    // the read model has caught up with the delegation made by the delegations section
    await eventually(async () => {
      const res = await request(c.gatewayUrl).get(`/api/notifications/delegations/${c.fixtures.delegationId}`).set('authorization', `Bearer ${c.tokens.admin}`);
      if (res.status !== 200) throw new Error(`not yet: ${res.status}`);
    });
  },
  endpoints: [
    { method: 'get', route: '/api/notifications/delegations/:id', path: (c) => `/api/notifications/delegations/${c.fixtures.delegationId}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
  ],
};
