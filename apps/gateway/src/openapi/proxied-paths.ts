import { FAMILY_PATHS, FAMILY_SCHEMAS } from './families-paths';
import { LOGISTICS_CONFLICT_PATHS, LOGISTICS_CONFLICT_SCHEMAS } from './logistics-conflicts-paths';
import { LOGISTICS_HOST_PATHS, LOGISTICS_HOST_SCHEMAS } from './logistics-host-paths';
import { LOGISTICS_PICKUP_PATHS, LOGISTICS_PICKUP_SCHEMAS } from './logistics-pickups-paths';
import { LOGISTICS_TRAVEL_PATHS, LOGISTICS_TRAVEL_SCHEMAS } from './logistics-travel-paths';
import { NOTIFICATION_PATHS, NOTIFICATION_SCHEMAS } from './notifications-paths';
import { PARTICIPANT_PATHS, PARTICIPANT_SCHEMAS } from './participants-paths';
import { PLACEMENT_PATHS, PLACEMENT_SCHEMAS } from './placements-paths';

/**
 * The public endpoints of the services behind the gateway, described statically (an app cannot
 * import another app's controllers). Each service owns its part: whoever adds or changes an
 * endpoint of a service updates its entry here, in the same change. Paths are as the public sees
 * them (through the gateway). Every one of them requires a bearer access token (each service
 * verifies it itself).
 */
const problem = { $ref: '#/components/schemas/Problem' };
const errors = {
  400: { description: 'invalid input; `fields` names each bad field', content: { 'application/json': { schema: problem } } },
  401: { description: 'missing, expired or invalid access token', content: { 'application/json': { schema: problem } } },
  403: { description: 'the role or organisation does not allow it', content: { 'application/json': { schema: problem } } },
  502: { description: 'the service behind this path is not reachable', content: { 'application/json': { schema: problem } } },
};
const uuidParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } });

const delegation = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    organisationId: { type: 'string', format: 'uuid', description: 'the owning organisation' },
    createdBy: { type: 'string', format: 'uuid' },
    title: { type: 'string' },
    hostCity: { type: 'string' },
    startDate: { type: 'string', format: 'date' },
    endDate: { type: 'string', format: 'date' },
    status: { type: 'string', enum: ['draft', 'planning', 'confirmed', 'in-progress', 'completed', 'cancelled'] },
    direction: { type: 'string', enum: ['inbound', 'outbound'] },
    partnershipId: { type: 'string', format: 'uuid', nullable: true },
    purpose: { type: 'string' },
    programmeArea: { type: 'string', nullable: true },
    hostTimeZone: { type: 'string', description: 'IANA time zone of the host city' },
    minorsPerAdult: { type: 'integer', description: 'one adult for every N minors' },
    cancelledReason: { type: 'string', nullable: true },
    allowedTransitions: {
      type: 'array',
      items: { type: 'string', enum: ['planning', 'confirmed', 'in-progress', 'completed', 'cancelled'] },
      description: 'where the lifecycle may go next from this status (POST /api/delegations/{id}/transitions); empty once completed or cancelled',
    },
    version: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

/** A delegation's itinerary (service: delegations). */
const localTime = (what: string) => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$', example: '2027-04-12T09:30', description: `${what} on the host city's wall clock, no offset` });
const ITINERARY_SCHEMAS = {
  Activity: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      delegationId: { type: 'string', format: 'uuid' },
      title: { type: 'string' },
      venue: { type: 'string' },
      address: { type: 'string' },
      timeZone: { type: 'string', example: 'Asia/Shanghai', description: 'IANA zone of startsLocal/endsLocal' },
      startsLocal: { type: 'string', example: '2027-04-12T09:30:00' },
      endsLocal: { type: 'string', example: '2027-04-12T11:00:00' },
      startsOffset: { type: 'string', example: '+08:00', description: "the zone's UTC offset at the start" },
      endsOffset: { type: 'string', example: '+08:00' },
      startsAt: { type: 'string', format: 'date-time', description: 'UTC instant' },
      endsAt: { type: 'string', format: 'date-time', description: 'UTC instant' },
      ambiguous: { type: 'boolean', description: 'a wall-clock time in the hour repeated when clocks go back: the earlier instant was taken' },
      ambiguousFields: { type: 'array', items: { type: 'string', enum: ['startsLocal', 'endsLocal'] } },
      allMembers: { type: 'boolean' },
      attendeeMemberIds: { type: 'array', items: { type: 'string', format: 'uuid' }, description: 'the chosen members when not allMembers' },
      createdBy: { type: 'string', format: 'uuid' },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  OverlapWarning: {
    type: 'object',
    properties: {
      code: { type: 'string', enum: ['ITINERARY.OVERLAP'] },
      activityIds: { type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 2, maxItems: 2 },
      allMembers: { type: 'boolean' },
      memberIds: { type: 'array', items: { type: 'string', format: 'uuid' }, description: 'members attending both' },
      message: { type: 'string' },
    },
  },
  ActivityWithWarnings: { allOf: [{ $ref: '#/components/schemas/Activity' }, { type: 'object', properties: { warnings: { type: 'array', items: { $ref: '#/components/schemas/OverlapWarning' } } } }] },
  CreateActivity: {
    type: 'object',
    required: ['title', 'startsLocal', 'endsLocal'],
    additionalProperties: false,
    properties: {
      title: { type: 'string', maxLength: 200 },
      venue: { type: 'string', maxLength: 200 },
      address: { type: 'string', maxLength: 500 },
      startsLocal: localTime('start'),
      endsLocal: localTime('end, after the start'),
      timeZone: { type: 'string', example: 'Asia/Shanghai', description: "IANA zone; default: the delegation's host time zone" },
      attendeeMemberIds: { type: 'array', nullable: true, minItems: 1, items: { type: 'string', format: 'uuid' }, description: 'members of this delegation; omitted or null: all members' },
    },
  },
  UpdateActivity: {
    type: 'object',
    additionalProperties: false,
    description: 'any of CreateActivity; times not given keep their wall clock (a new timeZone re-reads them in it); attendeeMemberIds null: back to all members',
    properties: {
      title: { type: 'string', maxLength: 200 },
      venue: { type: 'string', maxLength: 200 },
      address: { type: 'string', maxLength: 500 },
      startsLocal: localTime('start'),
      endsLocal: localTime('end'),
      timeZone: { type: 'string' },
      attendeeMemberIds: { type: 'array', nullable: true, minItems: 1, items: { type: 'string', format: 'uuid' } },
    },
  },
};
const itineraryWriteErrors = {
  ...errors,
  404: { description: 'no such delegation owned by your organisation (or no such activity)', content: { 'application/json': { schema: problem } } },
  409: { description: '`ITINERARY.OUTSIDE_VISIT` (outside start date 00:00 to end date 24:00 local) or `ITINERARY.DELEGATION_CLOSED` (completed or cancelled)', content: { 'application/json': { schema: problem } } },
};
const ITINERARY_PATHS = {
  '/api/delegations/{id}/itinerary': {
    get: {
      tags: ['itinerary'],
      summary: "A delegation's activities by start, with overlap warnings (owner or partner: coordinators, admins, youth managers; service: delegations)",
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      responses: {
        200: { description: 'the itinerary', content: { 'application/json': { schema: { type: 'object', properties: { delegationId: { type: 'string', format: 'uuid' }, items: { type: 'array', items: { $ref: '#/components/schemas/Activity' } }, warnings: { type: 'array', items: { $ref: '#/components/schemas/OverlapWarning' } } } } } } },
        401: errors[401],
        403: errors[403],
        404: { description: 'no such delegation visible to your organisation', content: { 'application/json': { schema: problem } } },
        502: errors[502],
      },
    },
    post: {
      tags: ['itinerary'],
      summary: 'Add an activity (host-city local times); publishes itinerary.changed (owner coordinators and admins; service: delegations)',
      description: 'A local time skipped by a daylight-saving change is refused (400 naming the field); one that happens twice takes the earlier instant and is flagged `ambiguous`.',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateActivity' } } } },
      responses: { 201: { description: 'the activity and the overlap warnings involving it', content: { 'application/json': { schema: { $ref: '#/components/schemas/ActivityWithWarnings' } } } }, ...itineraryWriteErrors },
    },
  },
  '/api/delegations/{id}/itinerary/{activityId}': {
    patch: {
      tags: ['itinerary'],
      summary: 'Change an activity; publishes itinerary.changed (owner coordinators and admins; service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id'), uuidParam('activityId', 'activity id')],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateActivity' } } } },
      responses: { 200: { description: 'the activity and the overlap warnings involving it', content: { 'application/json': { schema: { $ref: '#/components/schemas/ActivityWithWarnings' } } } }, ...itineraryWriteErrors },
    },
    delete: {
      tags: ['itinerary'],
      summary: 'Remove an activity (idempotent); publishes itinerary.changed once (owner coordinators and admins; service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id'), uuidParam('activityId', 'activity id')],
      responses: { 204: { description: 'not (or no longer) in the itinerary' }, 401: errors[401], 403: errors[403], 404: itineraryWriteErrors[404], 409: itineraryWriteErrors[409] },
    },
  },
};

const programmeAreas = ['arts-culture', 'youth-education', 'economic-development', 'municipal-technical', 'humanitarian'];
const ruleErrors = (rules: string) => ({ 409: { description: rules, content: { 'application/json': { schema: problem } } } });
/** Partnerships, the delegation lifecycle and members (issue #4; service: delegations). */
const PROGRAMME_SCHEMAS = {
  Partnership: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      organisationId: { type: 'string', format: 'uuid' },
      partnerCity: { type: 'string' },
      partnerCountry: { type: 'string', description: 'ISO 3166-1 alpha-2', example: 'CN' },
      partnerTimeZone: { type: 'string', example: 'Asia/Shanghai' },
      partnerOrganisationId: { type: 'string', format: 'uuid', nullable: true },
      establishedOn: { type: 'string', format: 'date' },
      programmeAreas: { type: 'array', items: { type: 'string', enum: programmeAreas } },
      status: { type: 'string', enum: ['active', 'dormant', 'ended'] },
      createdBy: { type: 'string', format: 'uuid' },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  CreatePartnership: {
    type: 'object',
    additionalProperties: false,
    required: ['partnerCity', 'partnerCountry', 'partnerTimeZone', 'establishedOn', 'programmeAreas'],
    properties: {
      partnerCity: { type: 'string', maxLength: 120 },
      partnerCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
      partnerTimeZone: { type: 'string', description: 'IANA time zone' },
      partnerOrganisationId: { type: 'string', format: 'uuid' },
      establishedOn: { type: 'string', format: 'date' },
      programmeAreas: { type: 'array', uniqueItems: true, items: { type: 'string', enum: programmeAreas } },
      status: { type: 'string', enum: ['active', 'dormant', 'ended'], default: 'active' },
    },
  },
  UpdateDelegation: {
    type: 'object',
    additionalProperties: false,
    description: 'only the fields given change; dates are locked once in progress, everything once completed or cancelled',
    properties: {
      title: { type: 'string', maxLength: 200 },
      purpose: { type: 'string', maxLength: 2000 },
      hostCity: { type: 'string', maxLength: 120 },
      hostTimeZone: { type: 'string', description: 'IANA time zone' },
      startDate: { type: 'string', format: 'date' },
      endDate: { type: 'string', format: 'date' },
      programmeArea: { type: 'string', enum: programmeAreas, nullable: true },
      direction: { type: 'string', enum: ['inbound', 'outbound'] },
      partnershipId: { type: 'string', format: 'uuid', nullable: true },
      minorsPerAdult: { type: 'integer', minimum: 1, maximum: 20 },
      version: { type: 'integer', minimum: 1, description: 'optional optimistic check: 409 DELEGATION.VERSION_CONFLICT if the delegation moved on' },
    },
  },
  Transition: {
    type: 'object',
    additionalProperties: false,
    required: ['to'],
    properties: {
      to: { type: 'string', enum: ['planning', 'confirmed', 'in-progress', 'completed', 'cancelled'] },
      reason: { type: 'string', maxLength: 1000, description: 'kept with a cancellation; never published' },
      version: { type: 'integer', minimum: 1 },
    },
  },
  Member: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      participantId: { type: 'string', format: 'uuid' },
      givenName: { type: 'string' },
      familyName: { type: 'string' },
      role: { type: 'string', enum: ['official', 'delegate', 'student', 'chaperone', 'interpreter'] },
      lodgingNeed: { type: 'string', enum: ['homestay', 'hotel', 'none'] },
      isLeader: { type: 'boolean' },
      notes: { type: 'string', description: 'owner organisation only' },
      ageOnStartDate: { type: 'integer' },
      minor: { type: 'boolean', description: 'under 18 on the start date' },
      hasValidConsent: { type: 'boolean', description: 'a guardian consent given and not expiring before the end date' },
    },
  },
  AddMember: {
    type: 'object',
    additionalProperties: false,
    required: ['participantId', 'role', 'lodgingNeed'],
    properties: {
      participantId: { type: 'string', format: 'uuid', description: 'a participant of your organisation' },
      role: { type: 'string', enum: ['official', 'delegate', 'student', 'chaperone', 'interpreter'] },
      lodgingNeed: { type: 'string', enum: ['homestay', 'hotel', 'none'] },
      isLeader: { type: 'boolean', default: false },
      notes: { type: 'string', maxLength: 2000 },
    },
  },
  MemberList: {
    type: 'object',
    properties: {
      items: { type: 'array', items: { $ref: '#/components/schemas/Member' } },
      total: { type: 'integer' },
      adultRatio: { type: 'object', properties: { minors: { type: 'integer' }, adults: { type: 'integer' }, minorsPerAdult: { type: 'integer' }, requiredAdults: { type: 'integer' }, ok: { type: 'boolean' } } },
      warnings: { type: 'array', description: 'what would block confirmation now (DELEGATION.NOT_ENOUGH_ADULTS, DELEGATION.MINOR_WITHOUT_CONSENT)', items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } } } },
    },
  },
};
const notOwned = { description: 'no such delegation owned by your organisation', content: { 'application/json': { schema: problem } } };
const PROGRAMME_PATHS = {
  '/api/delegations/partnerships': {
    get: {
      tags: ['partnerships'],
      summary: "Your organisation's partner cities (coordinators, admins, youth managers; service: delegations)",
      security: [{ bearer: [] }],
      parameters: [
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['active', 'dormant', 'ended'] } },
        { name: 'programmeArea', in: 'query', schema: { type: 'string', enum: programmeAreas } },
      ],
      responses: { 200: { description: 'a page of partnerships, by partner city', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Partnership' } }, total: { type: 'integer' } } } } } }, ...errors },
    },
    post: {
      tags: ['partnerships'],
      summary: 'Register a partner city; publishes partnership.registered (coordinators and admins; service: delegations)',
      security: [{ bearer: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreatePartnership' } } } },
      responses: { 201: { description: 'the partnership', content: { 'application/json': { schema: { $ref: '#/components/schemas/Partnership' } } } }, ...errors },
    },
  },
  '/api/delegations/partnerships/{partnershipId}': {
    get: {
      tags: ['partnerships'],
      summary: 'One partnership (service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('partnershipId', 'partnership id')],
      responses: { 200: { description: 'the partnership', content: { 'application/json': { schema: { $ref: '#/components/schemas/Partnership' } } } }, ...errors, 404: { description: 'no such partnership in your organisation', content: { 'application/json': { schema: problem } } } },
    },
    patch: {
      tags: ['partnerships'],
      summary: 'Change a partnership (any CreatePartnership field; partnerOrganisationId null unlinks); publishes partnership.updated when something changed (service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('partnershipId', 'partnership id')],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreatePartnership' } } } },
      responses: { 200: { description: 'the partnership', content: { 'application/json': { schema: { $ref: '#/components/schemas/Partnership' } } } }, ...errors, 404: { description: 'no such partnership in your organisation', content: { 'application/json': { schema: problem } } } },
    },
  },
  '/api/delegations/{id}/transitions': {
    post: {
      tags: ['delegations'],
      summary: 'Move the lifecycle: draft → planning → confirmed → in-progress → completed, or cancelled before completed; publishes delegation.status-changed (owner coordinators and admins; service: delegations)',
      description: 'Confirming (and starting) checks: at least one member, guardian consent for every minor (under 18 on the start date) valid until the end date, and at least one adult (18+) for every `minorsPerAdult` minors.',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Transition' } } } },
      responses: {
        200: { description: 'the delegation in its new state', content: { 'application/json': { schema: { $ref: '#/components/schemas/Delegation' } } } },
        ...errors, 404: notOwned,
        ...ruleErrors('`DELEGATION.TRANSITION_NOT_ALLOWED`, `DELEGATION.NO_MEMBERS`, `DELEGATION.MINOR_WITHOUT_CONSENT` (details.members), `DELEGATION.NOT_ENOUGH_ADULTS` (details: counts), `DELEGATION.VERSION_CONFLICT`'),
      },
    },
  },
  '/api/delegations/{id}/members': {
    get: {
      tags: ['members'],
      summary: "A delegation's members with age on the start date, minor flag, consent and the adult-ratio check (service: delegations)",
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      responses: { 200: { description: 'the members', content: { 'application/json': { schema: { $ref: '#/components/schemas/MemberList' } } } }, 401: errors[401], 403: errors[403], 404: { description: 'no such delegation visible to your organisation', content: { 'application/json': { schema: problem } } } },
    },
    post: {
      tags: ['members'],
      summary: 'Add a participant as a member; publishes member.added (owner coordinators and admins; service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/AddMember' } } } },
      responses: { 201: { description: 'the member', content: { 'application/json': { schema: { $ref: '#/components/schemas/Member' } } } }, ...errors, 404: notOwned, ...ruleErrors('`MEMBER.DUPLICATE`, `DELEGATION.MEMBERS_LOCKED` (completed or cancelled)') },
    },
  },
  '/api/delegations/{id}/members/{memberId}': {
    patch: {
      tags: ['members'],
      summary: 'Change role, lodging need, leader flag or notes; publishes member.updated when something changed (service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id'), uuidParam('memberId', 'member id')],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { role: { type: 'string' }, lodgingNeed: { type: 'string' }, isLeader: { type: 'boolean' }, notes: { type: 'string' } } } } } },
      responses: { 200: { description: 'the member', content: { 'application/json': { schema: { $ref: '#/components/schemas/Member' } } } }, ...errors, 404: notOwned, ...ruleErrors('`DELEGATION.MEMBERS_LOCKED`') },
    },
    delete: {
      tags: ['members'],
      summary: 'Remove a member (idempotent); publishes member.removed once (service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id'), uuidParam('memberId', 'member id')],
      responses: { 204: { description: 'not (or no longer) a member' }, 401: errors[401], 403: errors[403], 404: notOwned, ...ruleErrors('`DELEGATION.MEMBERS_LOCKED`') },
    },
  },
};

export const PROXIED_SCHEMAS: Record<string, unknown> = {
  Problem: {
    type: 'object',
    properties: {
      statusCode: { type: 'integer' },
      code: { type: 'string', example: 'REQUEST.INVALID' },
      message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
      fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } } } },
    },
  },
  Delegation: delegation,
  CreateDelegation: {
    type: 'object',
    required: ['title', 'hostCity', 'startDate', 'endDate'],
    properties: {
      title: { type: 'string', maxLength: 200 },
      hostCity: { type: 'string', maxLength: 120 },
      startDate: { type: 'string', format: 'date', description: 'first day in the host city (YYYY-MM-DD)' },
      endDate: { type: 'string', format: 'date', description: 'last day, not before startDate' },
      direction: { type: 'string', enum: ['inbound', 'outbound'], default: 'outbound' },
      partnershipId: { type: 'string', format: 'uuid', description: "one of your organisation's partnerships" },
      purpose: { type: 'string', maxLength: 2000 },
      programmeArea: { type: 'string', enum: ['arts-culture', 'youth-education', 'economic-development', 'municipal-technical', 'humanitarian'] },
      hostTimeZone: { type: 'string', description: "IANA zone; default: the partner city's for an outbound visit with a partnership, else UTC" },
      minorsPerAdult: { type: 'integer', minimum: 1, maximum: 20, default: 5 },
    },
  },
  DelegationShare: {
    type: 'object',
    properties: {
      delegationId: { type: 'string', format: 'uuid' },
      partnerOrganisationId: { type: 'string', format: 'uuid' },
      sharedBy: { type: 'string', format: 'uuid' },
      sharedAt: { type: 'string', format: 'date-time' },
    },
  },
  ...ITINERARY_SCHEMAS,
  ...PROGRAMME_SCHEMAS,
  ...PARTICIPANT_SCHEMAS,
  ...FAMILY_SCHEMAS,
  ...PLACEMENT_SCHEMAS,
  ...LOGISTICS_TRAVEL_SCHEMAS,
  ...LOGISTICS_PICKUP_SCHEMAS,
  ...LOGISTICS_CONFLICT_SCHEMAS,
  ...LOGISTICS_HOST_SCHEMAS,
  ...NOTIFICATION_SCHEMAS,
  KnownDelegation: { type: 'object', description: "the notifications service's read model of a delegation", additionalProperties: true },
};

export const PROXIED_PATHS: Record<string, Record<string, unknown>> = {
  ...PROGRAMME_PATHS,
  '/api/delegations': {
    get: {
      tags: ['delegations'],
      summary: 'List delegations (service: delegations)',
      security: [{ bearer: [] }],
      parameters: [
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['draft', 'planning', 'confirmed', 'in-progress', 'completed', 'cancelled'] } },
        { name: 'from', in: 'query', description: 'stays ending on or after this date', schema: { type: 'string', format: 'date' } },
        { name: 'to', in: 'query', description: 'stays starting on or before this date (not before from)', schema: { type: 'string', format: 'date' } },
        { name: 'programmeArea', in: 'query', schema: { type: 'string', enum: ['arts-culture', 'youth-education', 'economic-development', 'municipal-technical', 'humanitarian'] } },
        { name: 'partnershipId', in: 'query', schema: { type: 'string', format: 'uuid' } },
        { name: 'direction', in: 'query', schema: { type: 'string', enum: ['inbound', 'outbound'] } },
        { name: 'sort', in: 'query', schema: { type: 'string', enum: ['startDate', 'title', 'createdAt'], default: 'startDate' } },
        { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' } },
      ],
      responses: {
        200: { description: 'a page of delegations', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Delegation' } }, total: { type: 'integer' } } } } } },
        401: errors[401],
        502: errors[502],
      },
    },
    post: {
      tags: ['delegations'],
      summary: 'Create a draft delegation; publishes delegation.created (service: delegations)',
      security: [{ bearer: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateDelegation' } } } },
      responses: {
        201: { description: 'the delegation', content: { 'application/json': { schema: { $ref: '#/components/schemas/Delegation' } } } },
        ...errors,
      },
    },
  },
  '/api/delegations/{id}': {
    get: {
      tags: ['delegations'],
      summary: 'One delegation (service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      responses: {
        200: { description: 'the delegation', content: { 'application/json': { schema: { $ref: '#/components/schemas/Delegation' } } } },
        401: errors[401],
        404: { description: 'no such delegation in your organisation', content: { 'application/json': { schema: problem } } },
        502: errors[502],
      },
    },
    patch: {
      tags: ['delegations'],
      summary: 'Change the plan; publishes delegation.updated when something changed (owner coordinators and admins; service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateDelegation' } } } },
      responses: {
        200: { description: 'the delegation', content: { 'application/json': { schema: { $ref: '#/components/schemas/Delegation' } } } },
        ...errors, 404: notOwned,
        409: { description: '`DELEGATION.DATES_LOCKED` (in progress), `DELEGATION.CLOSED` (completed or cancelled), `DELEGATION.VERSION_CONFLICT`', content: { 'application/json': { schema: problem } } },
      },
    },
  },
  '/api/delegations/{id}/shares': {
    get: {
      tags: ['delegations'],
      summary: 'Organisations this delegation is shared with (owner only; service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      responses: {
        200: { description: 'the shares', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/DelegationShare' } } } } },
        401: errors[401],
        403: errors[403],
        404: { description: 'no such delegation owned by your organisation', content: { 'application/json': { schema: problem } } },
      },
    },
    post: {
      tags: ['delegations'],
      summary: "Share with the partner organisation of the delegation's partnership (any other: 409 DELEGATION.SHARE_NOT_PARTNER); publishes delegation.shared (owner coordinators and admins; service: delegations)",
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['organisationId'], properties: { organisationId: { type: 'string', format: 'uuid' } } } } } },
      responses: {
        201: { description: 'the share', content: { 'application/json': { schema: { $ref: '#/components/schemas/DelegationShare' } } } },
        ...errors,
        404: { description: 'no such delegation owned by your organisation', content: { 'application/json': { schema: problem } } },
      },
    },
  },
  '/api/delegations/{id}/shares/{organisationId}': {
    delete: {
      tags: ['delegations'],
      summary: 'Withdraw the partner organisation’s access; publishes delegation.unshared (service: delegations)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id'), uuidParam('organisationId', 'partner organisation id')],
      responses: { 204: { description: 'no longer shared' }, 401: errors[401], 403: errors[403], 404: { description: 'no such delegation owned by your organisation', content: { 'application/json': { schema: problem } } } },
    },
  },
  ...ITINERARY_PATHS,
  ...PARTICIPANT_PATHS,
  ...FAMILY_PATHS,
  ...PLACEMENT_PATHS,
  ...LOGISTICS_TRAVEL_PATHS,
  ...LOGISTICS_PICKUP_PATHS,
  ...LOGISTICS_CONFLICT_PATHS,
  ...LOGISTICS_HOST_PATHS,
  ...NOTIFICATION_PATHS,
  '/api/notifications/delegations/{id}': {
    get: {
      tags: ['notifications'],
      summary: 'What the notifications service learnt about a delegation from its events (service: notifications)',
      security: [{ bearer: [] }],
      parameters: [uuidParam('id', 'delegation id')],
      responses: {
        200: { description: 'the read model', content: { 'application/json': { schema: { $ref: '#/components/schemas/KnownDelegation' } } } },
        401: errors[401],
        404: { description: 'not known (yet)', content: { 'application/json': { schema: problem } } },
        502: errors[502],
      },
    },
  },
};
