/**
 * The answers of the gateway's own identity and audit endpoints (issue #3). Their paths, parameters and request
 * bodies are scanned from the controllers and DTOs; what they answer is described here (the use cases return plain
 * objects, which Nest's scanner cannot see) and merged into the scanned operations by OpenApiDocument.
 */
import { ROLES } from '@twinning/platform-auth';
import { e400, e401, e403, id, json, problem, ref } from './openapi-parts';

const dateTime = { type: 'string', format: 'date-time' };
const roles = { type: 'array', items: { type: 'string', enum: [...ROLES] } };
const language = { type: 'string', example: 'zh-CN', description: 'BCP 47 language tag' };

export const IDENTITY_SCHEMAS: Record<string, unknown> = {
  IssuedSession: {
    type: 'object',
    required: ['tokenType', 'accessToken', 'expiresIn', 'refreshToken', 'refreshExpiresAt', 'organisationId', 'roles'],
    properties: {
      tokenType: { type: 'string', enum: ['Bearer'] },
      accessToken: { type: 'string', description: 'EdDSA-signed JWT; send as `Authorization: Bearer <token>`' },
      expiresIn: { type: 'integer', description: 'seconds the access token is valid' },
      refreshToken: { type: 'string', description: 'single use: POST /api/identity/refresh answers a new one (a reused token ends the session)' },
      refreshExpiresAt: dateTime,
      organisationId: { ...id, description: 'the organisation the session acts for' },
      roles,
    },
  },
  LoginAnswer: {
    allOf: [
      ref('IssuedSession'),
      {
        type: 'object',
        required: ['organisations'],
        properties: {
          organisations: {
            type: 'array',
            description: 'every membership of the account (sign in again with `organisationId` to act for another)',
            items: { type: 'object', required: ['organisationId', 'name', 'roles'], properties: { organisationId: id, name: { type: 'string' }, roles } },
          },
        },
      },
    ],
  },
  Me: {
    type: 'object',
    required: ['user', 'organisationId', 'roles', 'memberships'],
    properties: {
      user: { type: 'object', required: ['id', 'email', 'name', 'language'], properties: { id, email: { type: 'string', format: 'email' }, name: { type: 'string' }, language } },
      organisationId: { ...id, description: 'the organisation the session acts for' },
      roles: { ...roles, description: 'the roles of this session (from the access token)' },
      memberships: {
        type: 'array',
        items: { type: 'object', required: ['organisationId', 'organisationName', 'roles'], properties: { organisationId: id, organisationName: { type: 'string' }, roles } },
      },
    },
  },
  OrganisationMember: {
    type: 'object',
    required: ['userId', 'email', 'name', 'language', 'roles', 'disabled', 'memberSince'],
    properties: { userId: id, email: { type: 'string', format: 'email' }, name: { type: 'string' }, language, roles, disabled: { type: 'boolean' }, memberSince: dateTime },
  },
  MemberRoles: { type: 'object', required: ['userId', 'organisationId', 'roles'], properties: { userId: id, organisationId: id, roles } },
  AccountStatus: { type: 'object', required: ['userId', 'disabled'], properties: { userId: id, disabled: { type: 'boolean' } } },
  Invitation: {
    type: 'object',
    required: ['id', 'organisationId', 'email', 'name', 'roles', 'language', 'expiresAt'],
    description: 'the invitation (its link travels only in the user.invited event, for the notifications service to email)',
    properties: { id, organisationId: id, email: { type: 'string', format: 'email' }, name: { type: 'string', nullable: true }, roles, language, expiresAt: dateTime },
  },
  AcceptedInvitation: {
    type: 'object',
    required: ['userId', 'organisationId', 'roles', 'accountCreated'],
    description: 'no tokens: sign in with the email address and the password',
    properties: { userId: id, organisationId: id, roles, accountCreated: { type: 'boolean', description: 'true: a new account; false: an existing account (same email and password) was linked' } },
  },
  AuditEntry: {
    type: 'object',
    required: ['id', 'occurredAt', 'userId', 'organisationId', 'method', 'path', 'status', 'correlationId', 'clientAddress', 'durationMs', 'source', 'action'],
    description: 'a state-changing request (recorded by the service that answered it, or by the gateway for its own endpoints), or a read that disclosed a person\'s restricted fields',
    properties: {
      id: { type: 'string', description: 'a bigint, as text' },
      occurredAt: dateTime,
      userId: { ...id, nullable: true, description: 'from the verified access token; null when the request carried none' },
      organisationId: { ...id, nullable: true },
      method: { type: 'string', example: 'POST' },
      path: { type: 'string', description: 'without the query string' },
      status: { type: 'integer' },
      correlationId: { type: 'string', nullable: true },
      clientAddress: { type: 'string', nullable: true },
      durationMs: { type: 'integer' },
      source: { type: 'string', description: '`gateway`, or the service that recorded it (delegations, host-matching, logistics, notifications)' },
      action: { type: 'string', enum: ['write', 'sensitive-read'] },
      subjectKind: { type: 'string', nullable: true, description: 'sensitive-read: the kind of record read (participant)' },
      subjectId: { ...id, nullable: true, description: 'sensitive-read: which record' },
      fields: { type: 'array', items: { type: 'string', enum: ['medicalNotes', 'guardianContacts'] }, nullable: true, description: 'sensitive-read: the fields disclosed (never their values)' },
      eventCode: { type: 'string', nullable: true, description: '`sign-in-failed` or `sign-in-throttled` (a password tried for the account of a member)' },
      accountUserId: { type: 'string', format: 'uuid', nullable: true, description: 'whose account a failed or throttled sign-in tried' },
    },
  },
};

const e404 = (what: string) => json(problem, what);
const e409 = (codes: string) => json(problem, codes);
const auditPage = json(
  { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: ref('AuditEntry') }, total: { type: 'integer' } } },
  'a page of audit entries, newest first',
);

/** The answers of each scanned identity operation, by path and method (merged over what the scanner found). */
export const IDENTITY_RESPONSES: Record<string, Record<string, Record<string, unknown>>> = {
  '/api/identity/login': {
    post: {
      200: json(ref('LoginAnswer'), 'signed in'),
      400: e400,
      401: json(problem, 'IDENTITY.INVALID_CREDENTIALS'),
      403: json(problem, 'IDENTITY.ACCOUNT_DISABLED, IDENTITY.NO_MEMBERSHIP, IDENTITY.NOT_A_MEMBER'),
      429: json(problem, 'IDENTITY.TOO_MANY_ATTEMPTS (with `retryAfterSeconds` and a Retry-After header)'),
    },
  },
  '/api/identity/refresh': {
    post: {
      200: json(ref('IssuedSession'), 'new access and refresh tokens (the refresh token sent is used up)'),
      400: e400,
      401: json(problem, 'IDENTITY.REFRESH_INVALID, IDENTITY.REFRESH_REUSED, IDENTITY.REFRESH_EXPIRED, IDENTITY.SESSION_ENDED: sign in again'),
    },
  },
  '/api/identity/logout': { post: { 204: { description: 'the session is ended (or was already)' }, 400: e400 } },
  '/api/identity/organisations/{orgId}/invitations': {
    post: {
      201: json(ref('Invitation'), 'invited'),
      400: e400,
      401: e401,
      403: e403,
      404: e404('IDENTITY.ORGANISATION_NOT_FOUND'),
      409: e409('IDENTITY.ALREADY_MEMBER'),
    },
  },
  '/api/identity/invitations/accept': {
    post: {
      201: json(ref('AcceptedInvitation'), 'accepted: the membership is granted'),
      400: e400,
      403: json(problem, 'IDENTITY.EXISTING_ACCOUNT: an account with this email exists, accept with its password'),
      410: json(problem, 'IDENTITY.INVITATION_USED, IDENTITY.INVITATION_REVOKED, IDENTITY.INVITATION_EXPIRED'),
    },
  },
  '/api/identity/password-reset': {
    post: {
      202: json(
        { type: 'object', required: ['status', 'message'], properties: { status: { type: 'string', enum: ['accepted'] }, message: { type: 'string' } } },
        'the same answer whether or not the address has an account (a real, enabled account under its limit is emailed a link)',
      ),
      400: e400,
      429: json(problem, 'IDENTITY.TOO_MANY_RESET_REQUESTS: this network address asked too often (with `retryAfterSeconds` and a Retry-After header)'),
    },
  },
  '/api/identity/password-reset/confirm': {
    post: {
      204: { description: 'the new password is set; every session of the account has ended' },
      400: json(problem, 'IDENTITY.RESET_INVALID (unknown token), IDENTITY.PASSWORD_TOO_WEAK, or a validation error naming the field'),
      403: json(problem, 'IDENTITY.ACCOUNT_DISABLED'),
      410: json(problem, 'IDENTITY.RESET_USED, IDENTITY.RESET_REPLACED, IDENTITY.RESET_EXPIRED'),
    },
  },
  '/api/identity/me': { get: { 200: json(ref('Me'), 'the signed-in user'), 401: e401, 404: e404('IDENTITY.USER_NOT_FOUND') } },
  '/api/identity/organisations/{orgId}/members': {
    get: { 200: json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('OrganisationMember') } } }, 'the members, by name'), 401: e401, 403: e403 },
  },
  '/api/identity/organisations/{orgId}/members/{userId}/roles': {
    put: {
      200: json(ref('MemberRoles'), 'the member’s roles now'),
      400: e400,
      401: e401,
      403: e403,
      404: e404('IDENTITY.ORGANISATION_NOT_FOUND, IDENTITY.MEMBER_NOT_FOUND'),
      409: e409('IDENTITY.LAST_ADMIN'),
    },
  },
  '/api/identity/organisations/{orgId}/members/{userId}': {
    delete: {
      204: { description: 'removed: the member’s access tokens are refused by every service within seconds' },
      400: e400,
      401: e401,
      403: e403,
      404: e404('IDENTITY.ORGANISATION_NOT_FOUND, IDENTITY.MEMBER_NOT_FOUND'),
      409: e409('IDENTITY.LAST_ADMIN'),
    },
  },
  '/api/identity/organisations/{orgId}/members/{userId}/disable': {
    post: {
      200: json(ref('AccountStatus'), 'disabled: no sign-in, no refresh, every session ended'),
      400: e400,
      401: e401,
      403: json(problem, 'AUTH.ROLE_REQUIRED, IDENTITY.OTHER_ORGANISATION, IDENTITY.ACCOUNT_IN_OTHER_ORGANISATION'),
      404: e404('IDENTITY.MEMBER_NOT_FOUND'),
      409: e409('IDENTITY.OWN_ACCOUNT'),
    },
  },
  '/api/identity/organisations/{orgId}/members/{userId}/enable': {
    post: {
      200: json(ref('AccountStatus'), 'enabled: the account may sign in again'),
      400: e400,
      401: e401,
      403: json(problem, 'AUTH.ROLE_REQUIRED, IDENTITY.OTHER_ORGANISATION, IDENTITY.ACCOUNT_IN_OTHER_ORGANISATION'),
      404: e404('IDENTITY.MEMBER_NOT_FOUND'),
      409: e409('IDENTITY.OWN_ACCOUNT'),
    },
  },
  '/api/identity/audit': { get: { 200: auditPage, 400: e400, 401: e401, 403: e403 } },
  '/api/identity/organisations/{orgId}/audit': { get: { 200: auditPage, 400: e400, 401: e401, 403: e403 } },
};
