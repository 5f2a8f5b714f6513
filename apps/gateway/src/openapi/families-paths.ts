/**
 * OpenAPI description of the host-matching service's host families and vetting endpoints (issue #5,
 * items 1 and 2), spread into PROXIED_PATHS / PROXIED_SCHEMAS.
 */
import { DIET_CODES, PET_CODES } from '@twinning/contracts';
import { e400, e401, e403, json, problem, q } from './openapi-parts';
const e404 = json(problem, 'no such host family visible to you (another organisation, or a family you do not host)');
const familyId = { name: 'familyId', in: 'path', required: true, description: 'host family id', schema: { type: 'string', format: 'uuid' } };
const date = { type: 'string', format: 'date' };
const strings = { type: 'array', items: { type: 'string' } };
const body = (ref: string) => ({ required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const vetting = json({ $ref: '#/components/schemas/FamilyVetting' }, 'the vetting gate today (check results only for youth managers and admins)');

const member = {
  type: 'object', required: ['name', 'dateOfBirth', 'relation', 'gender'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'on update: an existing member keeps its id (and background checks); omit for a new member' },
    name: { type: 'string', maxLength: 160 }, dateOfBirth: date, relation: { type: 'string', example: 'parent' }, gender: { type: 'string', enum: ['female', 'male', 'non-binary', 'undisclosed'] },
  },
};
const profile = {
  name: { type: 'string', maxLength: 160 }, address: { type: 'string', maxLength: 400 }, latitude: { type: 'number', minimum: -90, maximum: 90 }, longitude: { type: 'number', minimum: -180, maximum: 180 },
  bedrooms: { type: 'integer', minimum: 0 }, beds: { type: 'integer', minimum: 0, description: 'real beds (not a sofa or an air mattress)' },
  pets: { type: 'array', items: { type: 'string', enum: [...PET_CODES] }, description: 'codes of the vocabulary (what the allergy rule compares)' },
  petsNote: { type: 'string', maxLength: 500, description: 'for people; never read by a rule' }, smoking: { type: 'boolean' }, languages: { ...strings, description: 'BCP 47' },
  diets: { type: 'array', items: { type: 'string', enum: [...DIET_CODES] }, description: 'diet codes the family can cater for' }, dietsNote: { type: 'string', maxLength: 500 }, interests: strings,
  guestAgeMin: { type: 'integer', nullable: true }, guestAgeMax: { type: 'integer', nullable: true }, guestGender: { type: 'string', enum: ['female', 'male', 'any'] },
  availability: { type: 'array', items: { type: 'object', required: ['from', 'to'], properties: { from: date, to: date } } },
  members: { type: 'array', items: member, description: 'the whole household (replaces the list)' },
  hostUserIds: { type: 'array', items: { type: 'string', format: 'uuid' }, description: 'users (role host) who manage this family; coordinators and admins only' },
  timesHosted: { type: 'integer', minimum: 0, description: 'coordinators and admins only' },
};

export const FAMILY_SCHEMAS: Record<string, unknown> = {
  CreateFamily: { type: 'object', required: ['name', 'address', 'latitude', 'longitude', 'bedrooms', 'beds'], properties: profile },
  UpdateFamily: { type: 'object', description: 'any subset; a host may not change hostUserIds or timesHosted', properties: profile },
  HostFamily: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' }, organisationId: { type: 'string', format: 'uuid' }, ...profile,
      vetting: { type: 'object', properties: { eligibleForMinors: { type: 'boolean' }, evaluatedOn: { ...date, nullable: true }, householdReviewPending: { type: 'boolean', description: 'a change of the members waits for a youth manager\'s or admin\'s review' } }, description: 'the last stored evaluation' },
      version: { type: 'integer' }, createdBy: { type: 'string', format: 'uuid' }, createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  FamilyVetting: {
    type: 'object',
    properties: {
      familyId: { type: 'string', format: 'uuid' }, on: date, eligibleForMinors: { type: 'boolean' },
      reasons: { type: 'array', items: { type: 'object', properties: { code: { type: 'string', enum: ['NO_ADULT_MEMBER', 'CHECK_MISSING', 'CHECK_EXPIRED', 'CHECK_CONCERN', 'CHECK_REVIEW_REQUIRED', 'HOME_VISIT_MISSING', 'HOUSEHOLD_REVIEW_PENDING'] }, memberId: { type: 'string' }, memberName: { type: 'string' }, since: date, message: { type: 'string' } } },
        description: 'CHECK_CONCERN (with the member) for youth managers and admins; others see CHECK_REVIEW_REQUIRED. HOUSEHOLD_REVIEW_PENDING (since: the first unreviewed change) until a youth manager or admin confirms the household' },
      warnings: { type: 'array', items: { type: 'object', properties: { code: { type: 'string', enum: ['CHECK_EXPIRING', 'MEMBER_TURNS_18'] }, memberId: { type: 'string' }, on: date, message: { type: 'string' } } } },
      members: { type: 'array', items: { type: 'object', properties: {
        memberId: { type: 'string' }, name: { type: 'string' }, dateOfBirth: date, adult: { type: 'boolean' }, checkStatus: { type: 'string', enum: ['valid', 'expired', 'missing', 'not-required'] }, expiresOn: { ...date, nullable: true },
        backgroundChecks: { type: 'array', description: 'youth managers and admins only', items: { type: 'object', properties: { id: { type: 'string' }, result: { type: 'string', enum: ['clear', 'concern'] }, checkedOn: date, expiresOn: date } } },
      } } },
      homeVisits: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, visitedBy: { type: 'string' }, visitedOn: date, present: strings, notes: { type: 'string', nullable: true } } } },
      references: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, relation: { type: 'string' }, contact: { type: 'string' }, receivedOn: date, notes: { type: 'string', nullable: true } } } },
      householdReview: {
        type: 'object', description: 'changes of the household\'s members (newest first, up to 20): who, when, before / after; those by a host or a coordinator wait for review',
        properties: {
          pending: { type: 'boolean' }, lastPendingChangeId: { type: 'string', format: 'uuid', nullable: true, description: 'what POST .../household-review confirms up to' },
          changes: { type: 'array', items: { type: 'object', properties: {
            id: { type: 'string', format: 'uuid' }, changedBy: { type: 'string', format: 'uuid' }, changedAt: { type: 'string', format: 'date-time' },
            before: { type: 'array', items: member }, after: { type: 'array', items: member }, added: strings, removed: strings, birthDateChanged: strings, needsReview: { type: 'boolean' },
            reviewedBy: { type: 'string', format: 'uuid', nullable: true }, reviewedAt: { type: 'string', format: 'date-time', nullable: true }, reviewNote: { type: 'string', nullable: true },
          } } },
        },
      },
    },
  },
  ConfirmHouseholdReview: { type: 'object', required: ['lastChangeId'], properties: { lastChangeId: { type: 'string', format: 'uuid', description: 'the newest pending change you looked at; later ones stay pending' }, note: { type: 'string', maxLength: 2000 } } },
  RecordBackgroundCheck: { type: 'object', required: ['memberId', 'result', 'checkedOn', 'expiresOn'], properties: { memberId: { type: 'string', format: 'uuid' }, result: { type: 'string', enum: ['clear', 'concern'] }, checkedOn: date, expiresOn: { ...date, description: 'the check no longer counts from this day' } } },
  RecordHomeVisit: { type: 'object', required: ['visitedBy', 'visitedOn', 'present'], properties: { visitedBy: { type: 'string' }, visitedOn: date, present: { ...strings, description: 'who of the household was present' }, notes: { type: 'string' } } },
  RecordReference: { type: 'object', required: ['name', 'relation', 'contact', 'receivedOn'], properties: { name: { type: 'string' }, relation: { type: 'string' }, contact: { type: 'string' }, receivedOn: date, notes: { type: 'string' } } },
};

const tags = ['host families'];
const security = [{ bearer: [] }];

export const FAMILY_PATHS: Record<string, Record<string, unknown>> = {
  '/api/host-matching/families': {
    get: {
      tags, security, summary: 'Host families of your organisation (coordinator, admin, youth-manager); a host sees only their own (service: host-matching)',
      parameters: [q('limit', { type: 'integer', minimum: 1, maximum: 200, default: 50 }), q('offset', { type: 'integer', minimum: 0, default: 0 }), q('q', { type: 'string' }, 'name contains')],
      responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/HostFamily' } }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } }, 'a page of families'), 400: e400, 401: e401, 403: e403 },
    },
    post: {
      tags, security, summary: 'Register a host family with its household (coordinator, admin); publishes family.registered (service: host-matching)', requestBody: body('CreateFamily'),
      responses: { 201: json({ $ref: '#/components/schemas/HostFamily' }, 'registered'), 400: e400, 401: e401, 403: e403 },
    },
  },
  '/api/host-matching/families/{familyId}': {
    get: { tags, security, summary: 'One host family (coordinator, admin, youth-manager, or its host) (service: host-matching)', parameters: [familyId], responses: { 200: json({ $ref: '#/components/schemas/HostFamily' }, 'the family'), 401: e401, 403: e403, 404: e404 } },
    patch: {
      tags, security, summary: 'Change a host family (coordinator, admin, or its host); publishes family.updated (service: host-matching)', parameters: [familyId], requestBody: body('UpdateFamily'),
      responses: { 200: json({ $ref: '#/components/schemas/HostFamily' }, 'updated'), 400: e400, 401: e401, 403: e403, 404: e404 },
    },
  },
  '/api/host-matching/families/{familyId}/vetting': {
    get: { tags, security, summary: 'Eligibility to host minors today, with reasons and warnings (coordinator, admin, youth-manager) (service: host-matching)', parameters: [familyId], responses: { 200: vetting, 401: e401, 403: e403, 404: e404 } },
  },
  '/api/host-matching/families/{familyId}/background-checks': {
    post: { tags, security, summary: 'Record a background check of a household member (youth-manager, admin); re-evaluates the gate (service: host-matching)', parameters: [familyId], requestBody: body('RecordBackgroundCheck'), responses: { 201: vetting, 400: e400, 401: e401, 403: e403, 404: e404 } },
  },
  '/api/host-matching/families/{familyId}/household-review': {
    post: {
      tags, security, summary: 'Confirm the household after a host or coordinator changed its members (youth-manager, admin; not a host of this family); reopens the gate for minors; publishes family.household-reviewed (service: host-matching)',
      parameters: [familyId], requestBody: body('ConfirmHouseholdReview'),
      responses: { 201: vetting, 400: e400, 401: e401, 403: e403, 404: e404, 409: json(problem, 'FAMILY.NO_HOUSEHOLD_REVIEW_PENDING, or FAMILY.REVIEW_OWN_HOUSEHOLD') },
    },
  },
  '/api/host-matching/families/{familyId}/home-visits': {
    post: { tags, security, summary: 'Record a home visit (coordinator, admin, youth-manager); re-evaluates the gate (service: host-matching)', parameters: [familyId], requestBody: body('RecordHomeVisit'), responses: { 201: vetting, 400: e400, 401: e401, 403: e403, 404: e404 } },
  },
  '/api/host-matching/families/{familyId}/references': {
    post: { tags, security, summary: 'Record a reference (coordinator, admin, youth-manager) (service: host-matching)', parameters: [familyId], requestBody: body('RecordReference'), responses: { 201: vetting, 400: e400, 401: e401, 403: e403, 404: e404 } },
  },
};
