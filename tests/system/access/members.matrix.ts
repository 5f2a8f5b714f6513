import request from 'supertest';
import { Caller, MatrixContext, MatrixSection } from './matrix-types';

const emergencyContacts = [{ name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101' }];

async function participant(c: MatrixContext, givenName: string, dateOfBirth: string): Promise<string> {
  const p = await request(c.gatewayUrl).post('/api/delegations/participants').set('authorization', `Bearer ${c.tokens.admin}`)
    .send({ givenName, familyName: 'Members', dateOfBirth, gender: 'undisclosed', nationality: 'US', emergencyContacts });
  if (p.status !== 201) throw new Error(`setup: creating a participant answered ${p.status} ${JSON.stringify(p.body)}`);
  return p.body.id as string;
}

async function member(c: MatrixContext, participantId: string): Promise<string> {
  const m = await request(c.gatewayUrl).post(`/api/delegations/${c.fixtures.membersDelegationId}/members`).set('authorization', `Bearer ${c.tokens.admin}`)
    .send({ participantId, role: 'delegate', lodgingNeed: 'hotel' });
  if (m.status !== 201) throw new Error(`setup: adding a member answered ${m.status} ${JSON.stringify(m.body)}`);
  return m.body.id as string;
}

/** A delegation's members (its own delegation, so other sections' fixtures are untouched): owner's coordinators and admins write. */
export const membersMatrix: MatrixSection = {
  name: 'delegation members',
  setup: async (c) => {
    const d = await request(c.gatewayUrl).post('/api/delegations').set('authorization', `Bearer ${c.tokens.admin}`)
      .send({ title: 'Matrix members visit', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' });
    if (d.status !== 201) throw new Error(`setup: creating a delegation answered ${d.status} ${JSON.stringify(d.body)}`);
    c.fixtures.membersDelegationId = d.body.id;
    c.fixtures.memberId = await member(c, await participant(c, 'Kept', '1980-01-01'));
    c.fixtures.removableMemberId = await member(c, await participant(c, 'Removed', '1981-01-01'));
    for (const caller of ['admin', 'coordinator', 'otherOrgAdmin'] satisfies Caller[]) c.fixtures[`memberParticipant.${caller}`] = await participant(c, `New ${caller}`, '1990-01-01');
  },
  endpoints: [
    { method: 'get', route: '/api/delegations/:id/members', path: (c) => `/api/delegations/${c.fixtures.membersDelegationId}/members`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/delegations/:id/members', path: (c) => `/api/delegations/${c.fixtures.membersDelegationId}/members`,
      body: (c, caller) => ({ participantId: c.fixtures[`memberParticipant.${caller}`] ?? c.fixtures[`memberParticipant.admin`], role: 'official', lodgingNeed: 'none' }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'patch', route: '/api/delegations/:id/members/:memberId', path: (c) => `/api/delegations/${c.fixtures.membersDelegationId}/members/${c.fixtures.memberId}`,
      body: () => ({ lodgingNeed: 'homestay' }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    // removal is idempotent: the coordinator's call after the admin's answers 204 too
    { method: 'delete', route: '/api/delegations/:id/members/:memberId', path: (c) => `/api/delegations/${c.fixtures.membersDelegationId}/members/${c.fixtures.removableMemberId}`,
      expect: { admin: 204, coordinator: 204, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
  ],
};
