import request from 'supertest';
import { eventually } from '@twinning/testing';
import { MatrixContext, MatrixSection } from './matrix-types';

const API = '/api/logistics';

const f = (c: MatrixContext) => {
  const v = c.fixtures['conflicts.delegationId'];
  if (!v) throw new Error('conflicts fixture delegationId missing (did the setup run?)');
  return v;
};

/**
 * Conflicts (service logistics), on a delegation of its own that logistics knows from the delegations service's
 * events. Coordinators, admins and youth managers read; hosts 403; another organisation 404.
 */
export const logisticsConflictsMatrix: MatrixSection = {
  name: 'logistics: conflicts',
  setup: async (c) => {
    const d = await request(c.gatewayUrl).post('/api/delegations').set('authorization', `Bearer ${c.tokens.admin}`)
      .send({ title: 'Matrix conflicts visit', hostCity: 'Tacoma', startDate: '2027-06-01', endDate: '2027-06-08' });
    if (d.status !== 201) throw new Error(`setup: creating a delegation answered ${d.status} ${JSON.stringify(d.body)}`);
    c.fixtures['conflicts.delegationId'] = d.body.id;
    await eventually(async () => {
      const res = await request(c.gatewayUrl).get(`${API}/delegations/${d.body.id}/conflicts`).set('authorization', `Bearer ${c.tokens.admin}`);
      if (res.status !== 200) throw new Error(`setup: logistics does not know the delegation yet (${res.status} ${JSON.stringify(res.body)})`);
    }, { timeoutMs: 30000, intervalMs: 200 });
  },
  endpoints: [
    { method: 'get', route: `${API}/delegations/:delegationId/conflicts`, path: (c) => `${API}/delegations/${f(c)}/conflicts?status=all`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
  ],
};
