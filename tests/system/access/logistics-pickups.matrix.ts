import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '@twinning/testing';
import { MatrixContext, MatrixSection } from './matrix-types';

const API = '/api/logistics';

const f = (c: MatrixContext) => {
  const v = c.fixtures['pickups.delegationId'];
  if (!v) throw new Error('pickups fixture delegationId missing (did the setup run?)');
  return v;
};
const pickups = (c: MatrixContext) => `${API}/delegations/${f(c)}/pickups`;
/** A run id no delegation has: the roles allowed to write reach the lookup (404 PICKUP.RUN_NOT_FOUND), the others are refused first. */
const unknownRun = randomUUID();

/**
 * Airport pickups (service logistics), on a delegation of its own that logistics knows from the delegations service's
 * events and that has a plan (no travel: no runs). Coordinators and admins write, youth managers read, hosts 403,
 * another organisation 404. Driver assignment is checked on an unknown run (no run exists without travel segments).
 */
export const logisticsPickupsMatrix: MatrixSection = {
  name: 'logistics: airport pickups',
  setup: async (c) => {
    const d = await request(c.gatewayUrl).post('/api/delegations').set('authorization', `Bearer ${c.tokens.admin}`)
      .send({ title: 'Matrix pickups visit', hostCity: 'Tacoma', startDate: '2027-06-01', endDate: '2027-06-08' });
    if (d.status !== 201) throw new Error(`setup: creating a delegation answered ${d.status} ${JSON.stringify(d.body)}`);
    c.fixtures['pickups.delegationId'] = d.body.id;
    await eventually(async () => {
      const res = await request(c.gatewayUrl).get(`${pickups(c)}/settings`).set('authorization', `Bearer ${c.tokens.admin}`);
      if (res.status !== 200) throw new Error(`setup: logistics does not know the delegation yet (${res.status} ${JSON.stringify(res.body)})`);
    }, { timeoutMs: 30000, intervalMs: 200 });
    const plan = await request(c.gatewayUrl).post(`${pickups(c)}/plan`).set('authorization', `Bearer ${c.tokens.admin}`);
    if (plan.status !== 200) throw new Error(`setup: planning pickups answered ${plan.status} ${JSON.stringify(plan.body)}`);
  },
  endpoints: [
    { method: 'get', route: `${API}/delegations/:delegationId/pickups/settings`, path: (c) => `${pickups(c)}/settings`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'put', route: `${API}/delegations/:delegationId/pickups/settings`, path: (c) => `${pickups(c)}/settings`,
      body: () => ({ windowMinutes: 90, bufferMinutes: 45, hotelName: 'Hotel Murano', hotelAddress: '1320 Broadway, Tacoma, WA' }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: `${API}/delegations/:delegationId/pickups/plan`, path: (c) => `${pickups(c)}/plan`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/delegations/:delegationId/pickups/runs`, path: (c) => `${pickups(c)}/runs`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'patch', route: `${API}/delegations/:delegationId/pickups/runs/:runId`, path: (c) => `${pickups(c)}/runs/${unknownRun}`,
      body: () => ({ driverKind: 'hired-service', driverName: 'Puget Sound Shuttles' }),
      expect: { admin: 404, coordinator: 404, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/delegations/:delegationId/pickups/sheet`, path: (c) => `${pickups(c)}/sheet?format=csv`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
  ],
};
