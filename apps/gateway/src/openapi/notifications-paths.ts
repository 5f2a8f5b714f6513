/**
 * OpenAPI description of the notifications service's delivery (issue #7, items 3–6): the caller's in-app feed, read
 * marks and unread count, their preferences, and the delivery log of the organisation. Spread into PROXIED_PATHS /
 * PROXIED_SCHEMAS.
 */
import { e400, e401, e403, id, json, problem, ref } from './openapi-parts';
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { ...dateTime, nullable: true };
const STATUSES = ['queued', 'sent', 'failed', 'skipped', 'digested', 'read'];
const CHANNELS = ['email', 'in-app'];
const page = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];

export const NOTIFICATION_SCHEMAS: Record<string, unknown> = {
  FeedItem: {
    type: 'object',
    properties: {
      id: { ...id, description: 'the in-app delivery id' }, type: { type: 'string', example: 'offer-made' }, category: { type: 'string', example: 'offers' },
      delegationId: { ...id, nullable: true }, subjectId: { type: 'string', nullable: true, description: 'the person the notice is about (member, participant...)' },
      locale: { type: 'string', example: 'es' }, subject: { type: 'string' }, text: { type: 'string' }, html: { type: 'string' }, read: { type: 'boolean' },
      createdAt: dateTime, readAt: nullableDateTime,
    },
  },
  Feed: {
    type: 'object',
    properties: { items: { type: 'array', items: ref('FeedItem') }, total: { type: 'integer' }, unread: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  },
  NotificationPreferences: {
    type: 'object',
    properties: {
      optOuts: { type: 'array', items: { type: 'string' }, description: 'the categories the caller turned off (email and in-app)' },
      categories: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            category: { type: 'string' }, types: { type: 'array', items: { type: 'string' } }, safety: { type: 'boolean', description: 'may not be turned off' },
            alwaysSent: { type: 'array', items: { type: 'string' }, description: 'safety-critical types of the category, sent even when it is turned off' },
            optedOut: { type: 'boolean' },
          },
        },
      },
    },
  },
  PutNotificationPreferences: {
    type: 'object', required: ['optOuts'],
    properties: { optOuts: { type: 'array', items: { type: 'string' }, example: ['offers', 'vetting'], description: 'every category but `safety` (and `digest`)' } },
  },
  Delivery: {
    type: 'object',
    properties: {
      id, eventId: { ...id, description: 'the event it was made for (with recipient and channel: the idempotency key)' }, recipientUserId: id,
      channel: { type: 'string', enum: CHANNELS }, type: { type: 'string' }, category: { type: 'string' }, delegationId: { ...id, nullable: true },
      subjectId: { type: 'string', nullable: true }, locale: { type: 'string' }, subject: { type: 'string' }, status: { type: 'string', enum: STATUSES },
      attempts: { type: 'integer', description: 'SMTP attempts so far' }, lastError: { type: 'string', nullable: true, description: 'the last SMTP error, or why it was skipped' },
      nextAttemptAt: { ...nullableDateTime, description: 'queued emails: when the next attempt is due' }, digestId: { ...id, nullable: true, description: 'digested: the digest email' },
      createdAt: dateTime, sentAt: nullableDateTime, readAt: nullableDateTime,
    },
  },
  DeliveryLog: {
    type: 'object',
    properties: { items: { type: 'array', items: ref('Delivery') }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  },
};

const tags = ['notifications'];
const security = [{ bearer: [] }];

export const NOTIFICATION_PATHS: Record<string, Record<string, unknown>> = {
  '/api/notifications/me': {
    get: {
      tags, security,
      summary: 'Your in-app notifications, newest first (any signed-in user; your own only) (service: notifications)',
      parameters: [...page, { name: 'unreadOnly', in: 'query', schema: { type: 'boolean', default: false } }],
      responses: { 200: json(ref('Feed'), 'the feed'), 400: e400, 401: e401 },
    },
  },
  '/api/notifications/me/unread-count': {
    get: {
      tags, security, summary: 'How many of your in-app notifications are unread (service: notifications)',
      responses: { 200: json({ type: 'object', properties: { count: { type: 'integer' } } }, 'the count'), 401: e401 },
    },
  },
  '/api/notifications/me/{deliveryId}/read': {
    post: {
      tags, security, summary: 'Mark one of your in-app notifications read (again: no change) (service: notifications)',
      parameters: [{ name: 'deliveryId', in: 'path', required: true, schema: id }],
      responses: { 200: json(ref('FeedItem'), 'the notice, read'), 400: e400, 401: e401, 404: json(problem, "not in your feed (another person's, or unknown): NOTIFICATION.UNKNOWN") },
    },
  },
  '/api/notifications/me/preferences': {
    get: {
      tags, security, summary: 'Your notification preferences: the categories and which you turned off (service: notifications)',
      responses: { 200: json(ref('NotificationPreferences'), 'the preferences'), 401: e401 },
    },
    put: {
      tags, security,
      summary: 'Turn categories off (replaces the list); safety-critical notifications (incidents, welfare alerts, cancellations) are sent anyway (service: notifications)',
      requestBody: { required: true, content: { 'application/json': { schema: ref('PutNotificationPreferences') } } },
      responses: {
        200: json(ref('NotificationPreferences'), 'the preferences'),
        400: json(problem, 'PREFERENCES.UNKNOWN_CATEGORY or PREFERENCES.SAFETY_REQUIRED, naming `optOuts`'), 401: e401,
      },
    },
  },
  '/api/notifications/deliveries': {
    get: {
      tags, security,
      summary: "The delivery log of your organisation: every notification per channel with status, attempts, last error and times, newest first (coordinator, admin, youth-manager) (service: notifications)",
      parameters: [
        { name: 'delegationId', in: 'query', schema: id }, { name: 'subjectId', in: 'query', schema: { type: 'string' } }, { name: 'recipientUserId', in: 'query', schema: id },
        { name: 'status', in: 'query', schema: { type: 'string', enum: STATUSES } }, { name: 'channel', in: 'query', schema: { type: 'string', enum: CHANNELS } }, ...page,
      ],
      responses: { 200: json(ref('DeliveryLog'), 'the log'), 400: e400, 401: e401, 403: e403 },
    },
  },
};
