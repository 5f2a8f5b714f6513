import { randomUUID } from 'node:crypto';
import { MatrixSection } from './matrix-types';

export const identityMatrix: MatrixSection = {
  name: 'identity (gateway)',
  publicRoutes: ['POST /api/identity/login', 'POST /api/identity/refresh', 'POST /api/identity/logout', 'POST /api/identity/invitations/accept', 'POST /api/identity/password-reset', 'POST /api/identity/password-reset/confirm', 'GET /api/openapi.json', 'GET /api/docs'],
  // members that the admin's calls remove and disable (never the callers themselves)
  setup: async (c) => {
    c.fixtures.removableUserId = (await c.addMember('removable@a.example', 'coordinator')).userId;
    c.fixtures.disableableUserId = (await c.addMember('disableable@a.example', 'coordinator')).userId;
  },
  endpoints: [
    { method: 'get', route: '/api/identity/me', path: () => '/api/identity/me',
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 200, otherOrgAdmin: 200 } },
    { method: 'post', route: '/api/identity/organisations/:orgId/invitations', path: (c) => `/api/identity/organisations/${c.orgA}/invitations`,
      body: () => ({ email: `guest-${randomUUID().slice(0, 8)}@tacoma.example`, roles: ['coordinator'] }),
      expect: { admin: 201, coordinator: 403, 'youth-manager': 403, host: 403, otherOrgAdmin: 403 } },
    { method: 'get', route: '/api/identity/organisations/:orgId/members', path: (c) => `/api/identity/organisations/${c.orgA}/members`,
      expect: { admin: 200, coordinator: 403, 'youth-manager': 403, host: 403, otherOrgAdmin: 403 } },
    { method: 'put', route: '/api/identity/organisations/:orgId/members/:userId/roles', path: (c) => `/api/identity/organisations/${c.orgA}/members/${c.fixtures.hostUserId}/roles`,
      body: () => ({ roles: ['host'] }),
      expect: { admin: 200, coordinator: 403, 'youth-manager': 403, host: 403, otherOrgAdmin: 403 } },
    { method: 'delete', route: '/api/identity/organisations/:orgId/members/:userId', path: (c) => `/api/identity/organisations/${c.orgA}/members/${c.fixtures.removableUserId}`,
      expect: { admin: 204, coordinator: 403, 'youth-manager': 403, host: 403, otherOrgAdmin: 403 } },
    { method: 'post', route: '/api/identity/organisations/:orgId/members/:userId/disable', path: (c) => `/api/identity/organisations/${c.orgA}/members/${c.fixtures.disableableUserId}/disable`,
      expect: { admin: 200, coordinator: 403, 'youth-manager': 403, host: 403, otherOrgAdmin: 403 } },
    { method: 'post', route: '/api/identity/organisations/:orgId/members/:userId/enable', path: (c) => `/api/identity/organisations/${c.orgA}/members/${c.fixtures.disableableUserId}/enable`,
      expect: { admin: 200, coordinator: 403, 'youth-manager': 403, host: 403, otherOrgAdmin: 403 } },
    { method: 'get', route: '/api/identity/audit', path: () => '/api/identity/audit',
      // an admin of B gets B's own trail (scoped), not A's
      expect: { admin: 200, coordinator: 403, 'youth-manager': 403, host: 403, otherOrgAdmin: 200 } },
    { method: 'get', route: '/api/identity/organisations/:orgId/audit', path: (c) => `/api/identity/organisations/${c.orgA}/audit`,
      expect: { admin: 200, coordinator: 403, 'youth-manager': 403, host: 403, otherOrgAdmin: 403 } },
  ],
};
