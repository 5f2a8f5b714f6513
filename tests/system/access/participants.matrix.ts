import request from 'supertest';
import { MatrixSection } from './matrix-types';

const emergencyContacts = [{ name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101' }];
const participant = (givenName: string) => ({ givenName, familyName: 'Matrix', dateOfBirth: '2011-03-02', gender: 'female', nationality: 'US', emergencyContacts });

/**
 * Participants, welfare (check-ins, incidents) and reports. Setup (as A's admin): a participant who
 * is a member of the delegations section's delegation, an incident to mark reported and one to close.
 */
export const participantsMatrix: MatrixSection = {
  name: 'participants, welfare and reports',
  setup: async (c) => {
    const auth = `Bearer ${c.tokens.admin}`;
    const p = await request(c.gatewayUrl).post('/api/delegations/participants').set('authorization', auth).send(participant('Setup'));
    if (p.status !== 201) throw new Error(`setup: creating a participant answered ${p.status} ${JSON.stringify(p.body)}`);
    c.fixtures.participantId = p.body.id;
    const m = await request(c.gatewayUrl).post(`/api/delegations/${c.fixtures.delegationId}/members`).set('authorization', auth)
      .send({ participantId: p.body.id, role: 'student', lodgingNeed: 'homestay' });
    if (m.status !== 201) throw new Error(`setup: adding the member answered ${m.status} ${JSON.stringify(m.body)}`);
    const incident = async (participantIds: string[]) => {
      const i = await request(c.gatewayUrl).post('/api/delegations/incidents').set('authorization', auth)
        .send({ delegationId: c.fixtures.delegationId, type: 'illness', severity: 'low', description: 'fever', participantIds, occurredAt: '2026-04-12T08:00:00Z' });
      if (i.status !== 201) throw new Error(`setup: opening an incident answered ${i.status} ${JSON.stringify(i.body)}`);
      return i.body.id as string;
    };
    c.fixtures.incidentToReport = await incident([p.body.id]);
    c.fixtures.incidentToClose = await incident([]);
  },
  endpoints: [
    { method: 'get', route: '/api/delegations/participants', path: () => '/api/delegations/participants',
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 200 } },
    { method: 'post', route: '/api/delegations/participants', path: () => '/api/delegations/participants', body: () => participant('New'),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 201, host: 403, otherOrgAdmin: 201 } },
    { method: 'get', route: '/api/delegations/participants/:participantId', path: (c) => `/api/delegations/participants/${c.fixtures.participantId}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'patch', route: '/api/delegations/participants/:participantId', path: (c) => `/api/delegations/participants/${c.fixtures.participantId}`,
      body: () => ({ languages: ['en'] }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    // writes follow the sensitive-fields rule: a field the role may not read it may not write (403 naming it)
    { method: 'post', route: '/api/delegations/participants', path: () => '/api/delegations/participants', body: () => ({ ...participant('Noted'), medicalNotes: 'asthma' }),
      expect: { admin: 201, coordinator: 403, 'youth-manager': 201, host: 403, otherOrgAdmin: 201 } },
    { method: 'patch', route: '/api/delegations/participants/:participantId', path: (c) => `/api/delegations/participants/${c.fixtures.participantId}`,
      body: () => ({ medicalNotes: 'asthma' }),
      expect: { admin: 200, coordinator: 403, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'patch', route: '/api/delegations/participants/:participantId', path: (c) => `/api/delegations/participants/${c.fixtures.participantId}`,
      body: () => ({ guardians: [{ name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101', consentGivenAt: '2027-01-10T18:00:00Z' }] }),
      expect: { admin: 200, coordinator: 403, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: '/api/delegations/participants/:participantId/history', path: (c) => `/api/delegations/participants/${c.fixtures.participantId}/history`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/delegations/:id/check-ins', path: (c) => `/api/delegations/${c.fixtures.delegationId}/check-ins`,
      body: (c) => ({ participantId: c.fixtures.participantId, method: 'in-person', welfareRating: 4 }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 201, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: '/api/delegations/:id/check-ins', path: (c) => `/api/delegations/${c.fixtures.delegationId}/check-ins`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/delegations/incidents', path: () => '/api/delegations/incidents',
      body: (c) => ({ delegationId: c.fixtures.delegationId, type: 'behaviour', severity: 'low', description: 'late', participantIds: [], occurredAt: '2026-04-12T08:00:00Z' }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 201, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: '/api/delegations/incidents', path: () => '/api/delegations/incidents',
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 200 } },
    { method: 'post', route: '/api/delegations/incidents/:incidentId/report',
      // callers run in order: the admin reports it (200), so the youth manager, also allowed, finds it no longer open (409)
      path: (c) => `/api/delegations/incidents/${c.fixtures.incidentToReport}/report`, body: () => ({ reportedTo: 'Fuzhou police' }),
      expect: { admin: 200, coordinator: 403, 'youth-manager': 409, host: 403, otherOrgAdmin: 404 } },
    { method: 'post', route: '/api/delegations/incidents/:incidentId/close', path: (c) => `/api/delegations/incidents/${c.fixtures.incidentToClose}/close`,
      expect: { admin: 200, coordinator: 403, 'youth-manager': 409, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: '/api/delegations/reports/participants', path: () => '/api/delegations/reports/participants',
      expect: { admin: 200, coordinator: 403, 'youth-manager': 200, host: 403, otherOrgAdmin: 200 } },
  ],
};
