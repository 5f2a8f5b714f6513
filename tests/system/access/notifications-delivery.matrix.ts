import { randomUUID } from 'node:crypto';
import { MatrixSection } from './matrix-types';

const everyone = (status: number) => ({ admin: status, coordinator: status, 'youth-manager': status, host: status, otherOrgAdmin: status });

/**
 * Notification delivery: every signed-in user reads their own feed, unread count and preferences and marks their own
 * notices read (a notice that is not theirs, here an unknown id: 404 for everyone); the delivery log is for the
 * organisation's staff (coordinator, admin, youth-manager; another organisation's admin sees its own, empty, log).
 */
export const notificationsDeliveryMatrix: MatrixSection = {
  name: 'notifications-delivery',
  endpoints: [
    { method: 'get', route: '/api/notifications/me', path: () => '/api/notifications/me', expect: everyone(200) },
    { method: 'get', route: '/api/notifications/me/unread-count', path: () => '/api/notifications/me/unread-count', expect: everyone(200) },
    { method: 'post', route: '/api/notifications/me/:deliveryId/read', path: () => `/api/notifications/me/${randomUUID()}/read`, expect: everyone(404) },
    { method: 'get', route: '/api/notifications/me/preferences', path: () => '/api/notifications/me/preferences', expect: everyone(200) },
    { method: 'put', route: '/api/notifications/me/preferences', path: () => '/api/notifications/me/preferences', body: () => ({ optOuts: ['vetting'] }), expect: everyone(200) },
    { method: 'get', route: '/api/notifications/deliveries', path: () => '/api/notifications/deliveries',
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 200 } },
  ],
};
