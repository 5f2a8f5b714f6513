/**
 * OpenAPI description of the delegations service's participants, welfare (check-ins, incidents) and
 * reports endpoints (issue #4), spread into PROXIED_PATHS / PROXIED_SCHEMAS.
 */
import { ALLERGEN_CODES, DIET_CODES } from '@twinning/contracts';
import { e400, e401, e403, json, problem, q, uuid } from './openapi-parts';
const e404 = (what: string) => json(problem, `no such ${what} visible to your organisation`);
const e409 = json(problem, 'the state does not allow it (`code` names the rule)');
const paging = [q('limit', { type: 'integer', minimum: 1, maximum: 200, default: 50 }), q('offset', { type: 'integer', minimum: 0, default: 0 })];
const page = (ref: string) => ({ type: 'object', properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } });
const date = { type: 'string', format: 'date' };
const contact = { type: 'object', required: ['name', 'relation', 'phone'], properties: { name: { type: 'string' }, relation: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string', format: 'email' } } };
const guardian = {
  type: 'object', required: ['name', 'relation', 'phone'],
  properties: { ...contact.properties, consentGivenAt: { type: 'string', format: 'date-time' }, consentScope: { type: 'string' }, consentExpiresOn: date },
};
const writable = {
  givenName: { type: 'string', maxLength: 120 }, familyName: { type: 'string', maxLength: 120 }, dateOfBirth: date,
  gender: { type: 'string', enum: ['female', 'male', 'non-binary', 'undisclosed'] },
  languages: { type: 'array', items: { type: 'string', description: 'BCP 47' } }, nationality: { type: 'string', description: 'ISO 3166-1 alpha-2' },
  dietaryNeeds: {
    type: 'object', required: ['codes'], description: 'codes of the vocabulary (what matching scores) and a note for people (never read by a rule); replaced as a whole',
    properties: { codes: { type: 'array', items: { type: 'string', enum: [...DIET_CODES] } }, note: { type: 'string', maxLength: 2000 } },
  },
  allergies: {
    type: 'object', required: ['codes'],
    description: 'codes of the vocabulary (what the placement rules compare) and a note for people (never read by a rule); replaced as a whole. `needsCoding`: the note holds an allergy not coded yet (the guest is matched with no family that has pets); left out on a write, it is raised for a new or changed note and kept for an unchanged one; send false once the codes cover the note',
    properties: { codes: { type: 'array', items: { type: 'string', enum: [...ALLERGEN_CODES] } }, note: { type: 'string', maxLength: 2000 }, needsCoding: { type: 'boolean' } },
  },
  medicalNotes: { type: 'string' },
  emergencyContacts: { type: 'array', minItems: 1, items: contact }, guardians: { type: 'array', items: guardian },
  passportNumber: { type: 'string' }, passportExpiry: date, visaStatus: { type: 'string', enum: ['not-required', 'required', 'applied', 'granted', 'refused'] },
};

export const PARTICIPANT_SCHEMAS: Record<string, unknown> = {
  CreateParticipant: { type: 'object', required: ['givenName', 'familyName', 'dateOfBirth', 'gender', 'nationality', 'emergencyContacts'], properties: writable },
  UpdateParticipant: { type: 'object', description: 'any subset; arrays replace the whole list; emergencyContacts cannot become empty', properties: writable },
  Participant: {
    type: 'object',
    description: 'Sensitive fields are present only when the caller may see them (README, "Who sees sensitive fields"): medicalNotes for youth managers and admins of the owner; allergies, dietaryNeeds, emergencyContacts also for coordinators (and the partner’s coordinators); guardians’ name/phone/email for youth managers and admins of the owner (consent fields for every reader); passportNumber for the owner only.',
    properties: {
      id: { type: 'string', format: 'uuid' }, organisationId: { type: 'string', format: 'uuid' }, relation: { type: 'string', enum: ['owner', 'partner'] }, ...writable,
      warnings: { type: 'array', items: { type: 'object', properties: { code: { type: 'string', enum: ['PASSPORT.EXPIRES_TOO_SOON', 'PASSPORT.MISSING'] }, delegationId: { type: 'string' }, departureDate: date, requiredValidUntil: date, passportExpiry: date, message: { type: 'string' } } } },
    },
  },
  CheckIn: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' }, delegationId: { type: 'string', format: 'uuid' }, participantId: { type: 'string', format: 'uuid' }, checkedAt: { type: 'string', format: 'date-time' },
      method: { type: 'string', enum: ['in-person', 'phone', 'video', 'message'] }, welfareRating: { type: 'integer', minimum: 1, maximum: 5 }, notes: { type: 'string' }, alertRaised: { type: 'boolean' },
    },
  },
  Incident: {
    type: 'object',
    description: '`description` only for youth managers and admins',
    properties: {
      id: { type: 'string', format: 'uuid' }, delegationId: { type: 'string', format: 'uuid' }, type: { type: 'string', enum: ['abuse-allegation', 'injury', 'illness', 'missing-person', 'behaviour', 'other'] },
      severity: { type: 'string', enum: ['low', 'medium', 'high', 'critical'] }, description: { type: 'string' }, participantIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
      occurredAt: { type: 'string', format: 'date-time' }, openedAt: { type: 'string', format: 'date-time' }, reportDueAt: { type: 'string', format: 'date-time', nullable: true },
      reportedAt: { type: 'string', format: 'date-time', nullable: true }, reportedTo: { type: 'string', nullable: true }, overdueRaisedAt: { type: 'string', format: 'date-time', nullable: true },
      overdue: { type: 'boolean' }, status: { type: 'string', enum: ['open', 'reported', 'closed'] },
    },
  },
};

const tags = ['participants'];
const security = [{ bearer: [] }];

export const PARTICIPANT_PATHS: Record<string, Record<string, unknown>> = {
  '/api/delegations/participants': {
    get: {
      tags, security, summary: 'List participants of your organisation and of delegations shared with it (youth-manager, admin, coordinator) (service: delegations)',
      parameters: [...paging, q('q', { type: 'string' }, 'name contains'), q('delegationId', { type: 'string', format: 'uuid' }), q('minor', { type: 'string', enum: ['true', 'false'] }),
        q('needsCoding', { type: 'string', enum: ['true', 'false'] }, "true: the organisation's own participants with an allergy note not coded yet"),
        q('nationality', { type: 'string' }), q('sort', { type: 'string', enum: ['familyName', '-familyName', 'dateOfBirth', '-dateOfBirth', 'createdAt', '-createdAt'], default: 'familyName' })],
      responses: { 200: json(page('Participant'), 'a page of participants'), 400: e400, 401: e401, 403: e403 },
    },
    post: {
      tags, security, summary: 'Register a participant (youth-manager, admin, coordinator); publishes participant.registered (service: delegations)',
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateParticipant' } } } },
      responses: { 201: json({ $ref: '#/components/schemas/Participant' }, 'registered'), 400: e400, 401: e401, 403: e403 },
    },
  },
  '/api/delegations/participants/{participantId}': {
    get: {
      tags, security, summary: 'One participant, with passport warnings (owner, or partner via a shared delegation) (service: delegations)', parameters: [uuid('participantId', 'participant id')],
      responses: { 200: json({ $ref: '#/components/schemas/Participant' }, 'the participant as you may see it'), 401: e401, 403: e403, 404: e404('participant') },
    },
    patch: {
      tags, security, summary: 'Change a participant of your organisation; a field your role may not write (sensitive-fields rule) is 403 AUTH.FIELD_NOT_WRITABLE naming it; publishes participant.updated when a non-sensitive field changed (service: delegations)', parameters: [uuid('participantId', 'participant id')],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateParticipant' } } } },
      responses: { 200: json({ $ref: '#/components/schemas/Participant' }, 'updated'), 400: e400, 401: e401, 403: e403, 404: e404('participant') },
    },
  },
  '/api/delegations/participants/{participantId}/history': {
    get: {
      tags, security, summary: 'The delegations a participant was a member of, with role and dates (service: delegations)', parameters: [uuid('participantId', 'participant id')],
      responses: { 200: json({ type: 'object', properties: { participantId: { type: 'string' }, items: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, 'history'), 401: e401, 403: e403, 404: e404('participant') },
    },
  },
  '/api/delegations/{id}/check-ins': {
    get: {
      tags, security, summary: 'Check-ins of a delegation you own (coordinator, youth-manager, admin) (service: delegations)', parameters: [uuid('id', 'delegation id'), ...paging, q('participantId', { type: 'string', format: 'uuid' })],
      responses: { 200: json(page('CheckIn'), 'newest first'), 400: e400, 401: e401, 403: e403, 404: e404('delegation') },
    },
    post: {
      tags, security, summary: 'Record a check-in on a member; publishes check-in.recorded, and welfare.alert-raised when the rating is 2 or less (service: delegations)', parameters: [uuid('id', 'delegation id')],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['participantId', 'method', 'welfareRating'], properties: {
        participantId: { type: 'string', format: 'uuid' }, checkedAt: { type: 'string', format: 'date-time', description: 'default now' }, method: { type: 'string', enum: ['in-person', 'phone', 'video', 'message'] },
        welfareRating: { type: 'integer', minimum: 1, maximum: 5 }, notes: { type: 'string', maxLength: 4000 } } } } } },
      responses: { 201: json({ $ref: '#/components/schemas/CheckIn' }, 'recorded'), 400: e400, 401: e401, 403: e403, 404: e404('delegation') },
    },
  },
  '/api/delegations/incidents': {
    get: {
      tags, security, summary: 'Incidents of your organisation (description for youth managers and admins only) (service: delegations)',
      parameters: [...paging, q('delegationId', { type: 'string', format: 'uuid' }), q('status', { type: 'string', enum: ['open', 'reported', 'closed'] }), q('type', { type: 'string' }), q('severity', { type: 'string' }),
        q('overdue', { type: 'string', enum: ['true', 'false'] }), q('sort', { type: 'string', enum: ['openedAt', '-openedAt', 'reportDueAt'], default: '-openedAt' })],
      responses: { 200: json(page('Incident'), 'a page of incidents'), 400: e400, 401: e401, 403: e403 },
    },
    post: {
      tags, security, summary: 'Open an incident; starts the escalation clock (abuse allegation: report within 72 h; critical: 24 h); publishes incident.opened (service: delegations)',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['delegationId', 'type', 'severity', 'description', 'participantIds', 'occurredAt'], properties: {
        delegationId: { type: 'string', format: 'uuid' }, type: { type: 'string', enum: ['abuse-allegation', 'injury', 'illness', 'missing-person', 'behaviour', 'other'] }, severity: { type: 'string', enum: ['low', 'medium', 'high', 'critical'] },
        description: { type: 'string' }, participantIds: { type: 'array', items: { type: 'string', format: 'uuid' }, description: 'members of the delegation' }, occurredAt: { type: 'string', format: 'date-time' } } } } } },
      responses: { 201: json({ $ref: '#/components/schemas/Incident' }, 'opened'), 400: e400, 401: e401, 403: e403, 404: e404('delegation') },
    },
  },
  '/api/delegations/incidents/{incidentId}/report': {
    post: {
      tags, security, summary: 'Mark an open incident reported to an authority (youth-manager, admin); publishes incident.reported (service: delegations)', parameters: [uuid('incidentId', 'incident id')],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['reportedTo'], properties: { reportedTo: { type: 'string' }, reportedAt: { type: 'string', format: 'date-time' } } } } } },
      responses: { 200: json({ $ref: '#/components/schemas/Incident' }, 'reported'), 400: e400, 401: e401, 403: e403, 404: e404('incident'), 409: e409 },
    },
  },
  '/api/delegations/incidents/{incidentId}/close': {
    post: {
      tags, security, summary: 'Close an incident (youth-manager, admin); one with an escalation clock must be reported first (409 INCIDENT.REPORT_REQUIRED) (service: delegations)', parameters: [uuid('incidentId', 'incident id')],
      responses: { 200: json({ $ref: '#/components/schemas/Incident' }, 'closed'), 401: e401, 403: e403, 404: e404('incident'), 409: e409 },
    },
  },
  '/api/delegations/reports/participants': {
    get: {
      tags: ['reports'], security, summary: 'Participants by programme area, delegation, gender, age band, nationality, and overdue check-ins; JSON, or CSV with Accept: text/csv or format=csv (youth-manager, admin) (service: delegations)',
      parameters: [q('groupBy', { type: 'string', enum: ['programmeArea', 'delegation', 'gender', 'ageBand', 'nationality'] }, 'one dimension (all when absent)'), q('delegationId', { type: 'string', format: 'uuid' }),
        q('asOf', { type: 'string', format: 'date' }, 'age bands on this date (default today): under-12, 12-14, 15-17, 18-25, 26+'), q('format', { type: 'string', enum: ['json', 'csv'] })],
      responses: {
        200: { description: 'the report', content: { 'application/json': { schema: { type: 'object', additionalProperties: true } }, 'text/csv': { schema: { type: 'string', description: 'dimension,key,label,count' } } } },
        400: e400, 401: e401, 403: e403,
      },
    },
  },
};
