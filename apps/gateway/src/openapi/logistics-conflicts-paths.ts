/**
 * OpenAPI description of the logistics service's conflicts (issue #6, item 5) and calendar feeds (item 6). Spread
 * into PROXIED_PATHS / PROXIED_SCHEMAS. The feed itself (`/api/logistics/calendar/{file}`) is public: its secret
 * token is the credential.
 */
import { e400, e401, e403, id, json, problem, ref, uuid } from './openapi-parts';
const e404delegation = json(problem, 'no such delegation known to logistics, owned by or shared with your organisation (DELEGATION.NOT_FOUND)');
const dateTime = { type: 'string', format: 'date-time' };
const CONFLICT_KINDS = ['ARRIVES_AFTER_FIRST_ACTIVITY', 'NO_LODGING_FOR_NIGHT', 'DEPARTS_BEFORE_VISIT_ENDS', 'PICKUP_OVER_CAPACITY', 'MINOR_WITHOUT_ADULT_IN_RUN', 'PASSPORT_EXPIRES_TOO_SOON'];
const FEED_KINDS = ['delegation', 'participant', 'family'];

export const LOGISTICS_CONFLICT_SCHEMAS: Record<string, unknown> = {
  Conflict: {
    type: 'object',
    properties: {
      id, kind: { type: 'string', enum: CONFLICT_KINDS }, key: { type: 'string', description: 'kind + subject (member, segment or run): stable while the conflict holds' },
      memberId: { ...id, nullable: true }, runId: { ...id, nullable: true }, message: { type: 'string' }, status: { type: 'string', enum: ['open', 'resolved'] },
      raisedAt: dateTime, resolvedAt: { ...dateTime, nullable: true },
    },
  },
  ConflictList: { type: 'object', properties: { delegationId: id, status: { type: 'string', enum: ['open', 'resolved', 'all'] }, items: { type: 'array', items: ref('Conflict') } } },
  CreateCalendarFeed: {
    type: 'object', required: ['kind'],
    properties: {
      kind: { type: 'string', enum: FEED_KINDS },
      subjectId: { ...id, description: 'participant feeds: the member (or participant) id; family feeds: the host family id' },
    },
  },
  CreatedCalendarFeed: {
    type: 'object',
    properties: {
      id, kind: { type: 'string', enum: FEED_KINDS }, subjectId: { ...id, nullable: true },
      url: { type: 'string', description: 'the secret subscription URL, shown only now (only its SHA-256 is stored); CALENDAR_PUBLIC_ORIGIN + path' },
      path: { type: 'string', example: '/api/logistics/calendar/3q2-7wX....ics' },
    },
  },
  CalendarFeed: {
    type: 'object',
    properties: {
      id, kind: { type: 'string', enum: FEED_KINDS }, subjectId: { ...id, nullable: true }, createdBy: id, createdAt: dateTime, revokedAt: { ...dateTime, nullable: true },
      lastFetchedAt: { ...dateTime, nullable: true }, active: { type: 'boolean' },
    },
  },
};

const tags = ['logistics'];
const security = [{ bearer: [] }];
const delegationId = uuid('delegationId', 'delegation id');
const D = '/api/logistics/delegations/{delegationId}';

export const LOGISTICS_CONFLICT_PATHS: Record<string, Record<string, unknown>> = {
  [`${D}/conflicts`]: {
    get: {
      tags, security,
      summary: 'What does not fit: conflicts recomputed on every relevant event, open by default (coordinator, admin, youth-manager of the owner or a partner) (service: logistics)',
      parameters: [delegationId, { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'resolved', 'all'], default: 'open' } }],
      responses: { 200: json(ref('ConflictList'), 'the conflicts, newest first'), 400: e400, 401: e401, 403: e403, 404: e404delegation },
    },
  },
  [`${D}/calendar-feeds`]: {
    post: {
      tags, security,
      summary: 'Create a secret calendar feed URL: delegation or participant (coordinator, admin), or a host family (also a host managing that family) (service: logistics)',
      parameters: [delegationId], requestBody: { required: true, content: { 'application/json': { schema: ref('CreateCalendarFeed') } } },
      responses: {
        201: json(ref('CreatedCalendarFeed'), 'the feed with its URL (shown once)'),
        400: json(problem, 'invalid input; CALENDAR.SUBJECT_REQUIRED, CALENDAR.UNKNOWN_PARTICIPANT, CALENDAR.UNKNOWN_FAMILY name `subjectId`'), 401: e401,
        403: json(problem, 'the role does not allow it; a host asking for a delegation or participant feed (CALENDAR.FEED_FORBIDDEN)'),
        404: json(problem, 'the delegation (DELEGATION.NOT_FOUND), or for a host a family they do not manage (CALENDAR.FAMILY_NOT_FOUND)'),
      },
    },
    get: {
      tags, security,
      summary: "Your organisation's feeds of the delegation, without their tokens; a host sees those of the families they manage (coordinator, admin, youth-manager, host) (service: logistics)",
      parameters: [delegationId],
      responses: { 200: json({ type: 'object', properties: { delegationId: id, items: { type: 'array', items: ref('CalendarFeed') } } }, 'the feeds'), 400: e400, 401: e401, 403: e403, 404: e404delegation },
    },
  },
  [`${D}/calendar-feeds/{feedId}`]: {
    delete: {
      tags, security,
      summary: 'Revoke a feed: its URL answers 404 from now on (coordinator, admin; a host for a feed of a family they manage) (service: logistics)',
      parameters: [delegationId, uuid('feedId', 'calendar feed id')],
      responses: { 200: json(ref('CalendarFeed'), 'the feed, revoked'), 400: e400, 401: e401, 403: e403, 404: json(problem, 'the delegation or the feed not found (CALENDAR.FEED_NOT_FOUND)') },
    },
  },
  '/api/logistics/calendar/{file}': {
    get: {
      tags,
      summary: 'The feed itself (no login: the secret token in the URL is the credential): iCalendar (RFC 5545) with a VTIMEZONE per zone and stable UIDs `<kind>-<id>@twinning`; SEQUENCE and LAST-MODIFIED move when an event changes (service: logistics)',
      parameters: [{ name: 'file', in: 'path', required: true, description: '`<token>.ics`', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}\\.ics$' } }],
      responses: {
        200: { description: 'the calendar', content: { 'text/calendar': { schema: { type: 'string' } } } },
        404: json(problem, 'unknown or revoked feed (CALENDAR.FEED_NOT_FOUND)'),
      },
    },
  },
};
