/**
 * OpenAPI description of the logistics service's airport pickup endpoints (issue #6, item 3): settings, planning,
 * runs with the waiting report and safeguarding check, driver assignment, the pickup sheet. Spread into
 * PROXIED_PATHS / PROXIED_SCHEMAS.
 */
import { e400, e401, e403, id, json, problem, q, ref, uuid } from './openapi-parts';
const e404delegation = json(problem, 'no such delegation known to logistics, owned by or shared with your organisation (DELEGATION.NOT_FOUND)');
const dateTime = { type: 'string', format: 'date-time' };
const localTime = { type: 'string', example: '2027-06-01T12:05:00', description: 'wall clock in `timeZone`, no offset' };
const DRIVER_KINDS = ['host-family-member', 'volunteer', 'hired-service'];
const MINORS_RULES = ['two-adults', 'hired-service'];
const dropOff = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['homestay', 'hotel', 'unknown'] }, label: { type: 'string', description: 'the host family, the hotel, or `unknown`' }, address: { type: 'string', nullable: true },
  },
};
const safeguarding = {
  type: 'object', description: 'the minors rule for this run: `ok` false when a minor would ride with a single non-hired driver (two-adults) or without a hired service (hired-service)',
  properties: { ok: { type: 'boolean' }, rule: { type: 'string', enum: MINORS_RULES }, adults: { type: 'integer', description: 'the driver (assigned or to come), extra adults and adult members' }, message: { type: 'string', nullable: true } },
};

const settingsProps = {
  windowMinutes: { type: 'integer', minimum: 0, maximum: 720, default: 90, description: 'people landing within this many minutes of the first of a run share it' },
  bufferMinutes: { type: 'integer', minimum: 0, maximum: 240, default: 45, description: 'meeting time = last landing of the run + this' },
  seatsPerVehicle: { type: 'integer', minimum: 1, maximum: 60, default: 7 },
  luggagePerVehicle: { type: 'integer', minimum: 1, maximum: 200, default: 7, description: 'bags; each segment says bags per person' },
  minorsRule: { type: 'string', enum: MINORS_RULES, default: 'two-adults', description: 'two-adults: a run with a minor needs a second adult (or a hired service); hired-service: it must be a hired service' },
  hotelName: { type: 'string', maxLength: 200, nullable: true, description: 'the drop-off of hotel members without a hotel stay of their own' },
  hotelAddress: { type: 'string', maxLength: 300, nullable: true },
};

export const LOGISTICS_PICKUP_SCHEMAS: Record<string, unknown> = {
  PickupSettings: { type: 'object', properties: settingsProps },
  UpdatePickupSettings: { type: 'object', description: 'any subset; what is omitted keeps its value; re-plans at once when the delegation has a plan', properties: settingsProps },
  PickupRun: {
    type: 'object',
    properties: {
      id, airport: { type: 'string', description: 'IATA code' }, status: { type: 'string', enum: ['planned', 'cancelled'] }, meetingAt: dateTime, meetingLocal: localTime,
      timeZone: { type: 'string', description: "IANA zone of the airport" }, seats: { type: 'integer' }, luggageCapacity: { type: 'integer' }, bags: { type: 'integer' },
      overCapacity: { type: 'boolean' }, driverKind: { type: 'string', enum: DRIVER_KINDS, nullable: true }, driverName: { type: 'string', nullable: true },
      extraAdults: { type: 'integer' }, maxWaitMinutes: { type: 'number' }, safeguarding, version: { type: 'integer' },
      members: { type: 'array', items: { type: 'object', properties: {
        memberId: id, name: { type: 'string' }, minor: { type: 'boolean' }, segmentId: id, landsAt: dateTime, landsLocal: localTime, waitMinutes: { type: 'number', description: 'meeting time − own landing' },
        bags: { type: 'integer' }, dropOff,
      } } },
      dropOffs: { type: 'array', items: { allOf: [dropOff, { type: 'object', properties: { memberIds: { type: 'array', items: id } } }] } },
    },
  },
  PickupPlan: {
    type: 'object',
    properties: {
      delegationId: id, delegationTitle: { type: 'string' }, hasPlan: { type: 'boolean', description: 'planned at least once (from then on every travel, placement or lodging change re-plans)' },
      plannedAt: { ...dateTime, nullable: true }, lastCause: { type: 'string', nullable: true }, settings: ref('PickupSettings'), runs: { type: 'array', items: ref('PickupRun') },
      totalWaitMinutes: { type: 'number' },
      waiting: { type: 'array', description: 'who waits how long, longest first', items: { type: 'object', properties: {
        memberId: id, name: { type: 'string' }, airport: { type: 'string' }, runId: id, landsLocal: localTime, meetingLocal: localTime, timeZone: { type: 'string' }, waitMinutes: { type: 'number' },
      } } },
      issues: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', enum: ['MINOR_WITHOUT_ADULT_IN_RUN', 'PICKUP_OVER_CAPACITY'] }, runId: id, message: { type: 'string' } } } },
      notPickedUp: { type: 'array', items: { type: 'object', properties: { memberId: id, name: { type: 'string' }, reason: { type: 'string' } } } },
      planned: { type: 'array', items: id, description: 'POST plan only: runs created by this planning (pickup.planned)' },
      changed: { type: 'array', items: id, description: 'POST plan only: runs changed (pickup.changed)' },
      cancelled: { type: 'array', items: id, description: 'POST plan only: runs cancelled (pickup.changed, status)' },
    },
  },
  UpdatePickupRun: {
    type: 'object', description: 'any subset; a driver setup that breaks the minors rule is refused (409 PICKUP.MINORS_RULE)',
    properties: {
      driverKind: { type: 'string', enum: DRIVER_KINDS, nullable: true }, driverName: { type: 'string', maxLength: 200, nullable: true },
      extraAdults: { type: 'integer', minimum: 0, maximum: 10, description: 'adults riding along besides the driver' }, seats: { type: 'integer', minimum: 1, maximum: 60 },
    },
  },
};

const tags = ['logistics'];
const security = [{ bearer: [] }];
const delegationId = uuid('delegationId', 'delegation id');
const P = '/api/logistics/delegations/{delegationId}/pickups';
const reads = '(coordinator, admin, youth-manager) (service: logistics)';
const writes = '(coordinator, admin) (service: logistics)';

export const LOGISTICS_PICKUP_PATHS: Record<string, Record<string, unknown>> = {
  [`${P}/settings`]: {
    get: { tags, security, summary: `A delegation's pickup settings (defaults until set) ${reads}`, parameters: [delegationId],
      responses: { 200: json(ref('PickupSettings'), 'the settings'), 400: e400, 401: e401, 403: e403, 404: e404delegation } },
    put: { tags, security, summary: `Set the window, buffer, vehicle seats and luggage, minors rule and hotel; re-plans when a plan exists ${writes}`, parameters: [delegationId],
      requestBody: { required: true, content: { 'application/json': { schema: ref('UpdatePickupSettings') } } },
      responses: { 200: json(ref('PickupSettings'), 'the settings now'), 400: e400, 401: e401, 403: e403, 404: e404delegation } },
  },
  [`${P}/plan`]: {
    post: { tags, security, summary: `Plan (or re-plan now) the airport pickups: booked and requested arrival flights grouped per airport into the fewest runs, then the least waiting; runs keeping their members keep their ids; publishes pickup.planned / pickup.changed ${writes}`,
      parameters: [delegationId],
      responses: { 200: json(ref('PickupPlan'), 'the plan, with what this planning changed'), 400: e400, 401: e401, 403: e403, 404: e404delegation,
        409: json(problem, 'the delegation is cancelled (PICKUP.DELEGATION_CANCELLED)') } },
  },
  [`${P}/runs`]: {
    get: { tags, security, summary: `The pickup runs with members, meeting time in local time and zone, drop-offs, the safeguarding check, the waiting report and the issues ${reads}`,
      parameters: [delegationId, q('includeCancelled', { type: 'string', enum: ['true', 'false'] }, 'also the runs a re-plan cancelled')],
      responses: { 200: json(ref('PickupPlan'), 'the plan'), 400: e400, 401: e401, 403: e403, 404: e404delegation } },
  },
  [`${P}/runs/{runId}`]: {
    patch: { tags, security, summary: `Assign the driver (host family member, volunteer or hired service), extra adults and seats of a run; publishes pickup.changed ${writes}`,
      parameters: [delegationId, uuid('runId', 'pickup run id')], requestBody: { required: true, content: { 'application/json': { schema: ref('UpdatePickupRun') } } },
      responses: { 200: json(ref('PickupRun'), 'the run now'), 400: e400, 401: e401, 403: e403,
        404: json(problem, 'the delegation, or this run of it, not found (DELEGATION.NOT_FOUND, PICKUP.RUN_NOT_FOUND)'),
        409: json(problem, 'PICKUP.MINORS_RULE (a minor with a single non-hired driver, or not a hired service under the hired-service rule; `details.rule` names the rule), PICKUP.SEATS_TOO_FEW, PICKUP.RUN_CANCELLED') } },
  },
  [`${P}/sheet`]: {
    get: { tags, security, summary: `The printable pickup sheet: one row per member by run (HTML by default, CSV as an attachment, or JSON) ${reads}`,
      parameters: [delegationId, q('format', { type: 'string', enum: ['html', 'csv', 'json'] })],
      responses: { 200: { description: 'the sheet', content: { 'text/html': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
        400: e400, 401: e401, 403: e403, 404: e404delegation } },
  },
};
