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
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
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
  KnownDelegation: { type: 'object', description: "the notifications service's read model of a delegation", additionalProperties: true },
};

export const PROXIED_PATHS: Record<string, Record<string, unknown>> = {
  '/api/delegations': {
    get: {
      tags: ['delegations'],
      summary: 'List delegations (service: delegations)',
      security: [{ bearer: [] }],
      parameters: [
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
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
      summary: 'Share with the partner organisation; publishes delegation.shared (owner coordinators and admins; service: delegations)',
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
