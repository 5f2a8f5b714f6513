import request from 'supertest';
import { eventually } from '@twinning/testing';
import { Caller, MatrixContext, MatrixSection } from './matrix-types';

const API = '/api/logistics';

const fixture = (c: MatrixContext, name: string) => {
  const v = c.fixtures[`calendar.${name}`];
  if (!v) throw new Error(`calendar fixture ${name} missing (did the setup run?)`);
  return v;
};
const feeds = (c: MatrixContext) => `${API}/delegations/${fixture(c, 'delegationId')}/calendar-feeds`;
/** Each caller revokes a feed of its own (made by org A's admin in the setup); a host's is not one of their families' (404). */
const feedFor = (c: MatrixContext, caller?: Caller) => fixture(c, `feed.${caller === 'coordinator' ? 'coordinator' : caller === 'admin' ? 'admin' : 'other'}`);

/**
 * Calendar feeds (service logistics), on a delegation of its own that logistics knows from the delegations service's
 * events. Coordinators and admins create (any kind) and revoke; youth managers list; a host may only make feeds for a
 * family they manage (a delegation feed: 403) and lists only those (here none); another organisation 404. The feed
 * itself (`GET /api/logistics/calendar/:file`, a secret token in the path) is public.
 */
export const logisticsCalendarMatrix: MatrixSection = {
  name: 'logistics: calendar feeds',
  publicRoutes: [`GET ${API}/calendar/:file`],
  setup: async (c) => {
    const d = await request(c.gatewayUrl).post('/api/delegations').set('authorization', `Bearer ${c.tokens.admin}`)
      .send({ title: 'Matrix calendar visit', hostCity: 'Tacoma', startDate: '2027-06-01', endDate: '2027-06-08' });
    if (d.status !== 201) throw new Error(`setup: creating a delegation answered ${d.status} ${JSON.stringify(d.body)}`);
    c.fixtures['calendar.delegationId'] = d.body.id;
    await eventually(async () => {
      const res = await request(c.gatewayUrl).get(feeds(c)).set('authorization', `Bearer ${c.tokens.admin}`);
      if (res.status !== 200) throw new Error(`setup: logistics does not know the delegation yet (${res.status} ${JSON.stringify(res.body)})`);
    }, { timeoutMs: 30000, intervalMs: 200 });
    for (const name of ['admin', 'coordinator', 'other']) {
      const feed = await request(c.gatewayUrl).post(feeds(c)).set('authorization', `Bearer ${c.tokens.admin}`).send({ kind: 'delegation' });
      if (feed.status !== 201) throw new Error(`setup: creating a calendar feed answered ${feed.status} ${JSON.stringify(feed.body)}`);
      c.fixtures[`calendar.feed.${name}`] = feed.body.id;
    }
  },
  endpoints: [
    { method: 'post', route: `${API}/delegations/:delegationId/calendar-feeds`, path: (c) => feeds(c), body: () => ({ kind: 'delegation' }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/delegations/:delegationId/calendar-feeds`, path: (c) => feeds(c),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 200, otherOrgAdmin: 404 } },
    { method: 'delete', route: `${API}/delegations/:delegationId/calendar-feeds/:feedId`, path: (c, caller) => `${feeds(c)}/${feedFor(c, caller)}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 404, otherOrgAdmin: 404 } },
  ],
};
