/**
 * OpenAPI description of the logistics service's travel segments, manifests and lodging (issue #6, items 1, 2 and 4),
 * spread into PROXIED_PATHS / PROXIED_SCHEMAS.
 */
import { e401, e403, json, problem, q, ref, uuid } from './openapi-parts';
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const e400 = (what: string) => json(problem, `invalid input; \`fields\` names each bad field${what ? ` (${what})` : ''}`);
const e404 = json(problem, 'no such delegation visible to you (another organisation that it is not shared with), or no such segment or stay in it');
const e409 = (codes: string) => json(problem, codes);

const tags = ['logistics'];
const security = [{ bearer: [] }];
const delegationId = uuid('delegationId', 'delegation id');
const segmentId = uuid('segmentId', 'travel segment id');
const stayId = uuid('stayId', 'hotel stay id');
const D = '/api/logistics/delegations/{delegationId}';
const reads = '(coordinator, admin, youth-manager; the owner or a partner it is shared with) (service: logistics)';
const writes = '(coordinator, admin; the owner or a partner it is shared with) (service: logistics)';
const date = { type: 'string', format: 'date' };
const local = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', example: '2027-04-09T23:55', description: 'local wall clock where it happens' };
const modes = { type: 'string', enum: ['flight', 'train', 'bus', 'car'] };
const directions = { type: 'string', enum: ['arrival', 'departure', 'other'], description: 'arrival brings members to the visit, departure takes them home' };
const segmentInput = {
  mode: modes,
  from: { type: 'string', maxLength: 120, description: 'IATA code of an airport of the bundled dataset (flight), or the station name (train, bus, car)' },
  to: { type: 'string', maxLength: 120 },
  fromTimeZone: { type: 'string', description: 'IANA zone of the station (required for train, bus, car; a flight takes the airport\'s)' },
  toTimeZone: { type: 'string' },
  departureLocal: local, arrivalLocal: { ...local, description: 'must be after the departure in UTC; a time the clocks skip is refused' },
  direction: directions,
  memberIds: { type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 1, description: 'current members of the delegation (group travel: many)' },
  carrier: { type: 'string', nullable: true }, number: { type: 'string', nullable: true }, bookingReference: { type: 'string', nullable: true },
  bagsPerPerson: { type: 'integer', minimum: 0, maximum: 5, default: 1 },
};
const place = { type: 'object', properties: { kind: { type: 'string', enum: ['airport', 'station'] }, code: { type: 'string' }, name: { type: 'string' }, city: { type: 'string', nullable: true },
  country: { type: 'string', nullable: true }, timeZone: { type: 'string' } } };
const formatParam = q('format', { type: 'string', enum: ['json', 'csv', 'html'] }, 'JSON by default; `Accept: text/csv` or `text/html` also choose');
const manifestResponses = (kind: string) => ({
  200: {
    description: `the ${kind} by local date at the airport, then airport, then time; CSV has one row per traveller; HTML prints`,
    content: { 'application/json': { schema: ref('Manifest') }, 'text/csv': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } },
  },
  401: e401, 403: e403, 404: e404,
});

export const LOGISTICS_TRAVEL_SCHEMAS: Record<string, unknown> = {
  CreateSegment: { type: 'object', required: ['mode', 'from', 'to', 'departureLocal', 'arrivalLocal', 'direction', 'memberIds'],
    properties: { ...segmentInput, status: { type: 'string', enum: ['requested', 'booked'], default: 'requested' } } },
  UpdateSegment: { type: 'object', description: 'any subset; route, times and members are checked again as a whole', properties: { ...segmentInput, version: { type: 'integer', minimum: 1 } } },
  BookSegment: { type: 'object', properties: { bookingReference: { type: 'string', maxLength: 60 } } },
  Segment: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' }, delegationId: { type: 'string', format: 'uuid' }, mode: modes, carrier: { type: 'string', nullable: true }, number: { type: 'string', nullable: true },
      direction: directions, status: { type: 'string', enum: ['requested', 'booked', 'cancelled'] }, bookingReference: { type: 'string', nullable: true }, bagsPerPerson: { type: 'integer' },
      memberIds: { type: 'array', items: { type: 'string', format: 'uuid' } }, from: place, to: place,
      departureAt: { type: 'string', format: 'date-time' }, departureLocal: local, departureTimeZone: { type: 'string' },
      arrivalAt: { type: 'string', format: 'date-time' }, arrivalLocal: local, arrivalTimeZone: { type: 'string' },
      arrivalDayOffset: { type: 'integer', description: 'arrival local date minus departure local date (1 overnight, -1 across the date line eastward)' },
      durationMinutes: { type: 'integer' }, version: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  Manifest: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['arrivals', 'departures'] }, total: { type: 'integer', description: 'travellers' },
      delegation: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, hostCity: { type: 'string' }, startDate: date, endDate: date } },
      days: { type: 'array', items: { type: 'object', properties: { date, count: { type: 'integer' }, airports: { type: 'array', items: { type: 'object', properties: {
        code: { type: 'string' }, name: { type: 'string' }, timeZone: { type: 'string' }, count: { type: 'integer' },
        entries: { type: 'array', items: { type: 'object', properties: {
          time: { type: 'string', example: '23:55' }, local, at: { type: 'string', format: 'date-time' }, segmentId: { type: 'string' }, mode: modes, carrier: { type: 'string', nullable: true },
          number: { type: 'string', nullable: true }, status: { type: 'string' }, bookingReference: { type: 'string', nullable: true }, from: { type: 'string' }, to: { type: 'string' },
          otherEnd: { type: 'string' }, count: { type: 'integer' },
          travellers: { type: 'array', items: { type: 'object', properties: { memberId: { type: 'string' }, name: { type: 'string' } } } },
        } } },
      } } } } } },
    },
  },
  CreateHotelStay: { type: 'object', required: ['memberId', 'hotel', 'checkIn', 'checkOut'], properties: {
    memberId: { type: 'string', format: 'uuid' }, hotel: { type: 'string', maxLength: 200 }, address: { type: 'string', nullable: true }, room: { type: 'string', nullable: true, maxLength: 40 },
    checkIn: { ...date, description: 'the first night' }, checkOut: { ...date, description: 'the morning of leaving (after checkIn)' } } },
  UpdateHotelStay: { type: 'object', description: 'any subset', properties: {
    hotel: { type: 'string' }, address: { type: 'string', nullable: true }, room: { type: 'string', nullable: true }, checkIn: date, checkOut: date, version: { type: 'integer', minimum: 1 } } },
  HotelStay: { type: 'object', properties: {
    id: { type: 'string', format: 'uuid' }, delegationId: { type: 'string', format: 'uuid' }, memberId: { type: 'string', format: 'uuid' }, hotel: { type: 'string' },
    address: { type: 'string', nullable: true }, room: { type: 'string', nullable: true }, checkIn: date, checkOut: date, nights: { type: 'integer' }, version: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' } } },
  LodgingNights: { type: 'object', properties: {
    delegation: { type: 'object', properties: { id: { type: 'string' }, startDate: date, endDate: date } },
    nights: { type: 'array', description: 'each night of the visit (the night of `date` to the next day)', items: { type: 'object', properties: {
      date, gaps: { type: 'integer' },
      members: { type: 'array', items: { type: 'object', properties: {
        memberId: { type: 'string' }, name: { type: 'string' }, lodgingNeed: { type: 'string', enum: ['homestay', 'hotel', 'none'] },
        status: { type: 'string', enum: ['ok', 'gap', 'double', 'not-needed'] },
        places: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', enum: ['hotel', 'homestay'] }, place: { type: 'string' }, room: { type: 'string', nullable: true },
          address: { type: 'string', nullable: true }, stayId: { type: 'string' }, offerId: { type: 'string' } } } },
      } } },
    } } },
    gaps: { type: 'array', items: { type: 'object', properties: { date, memberId: { type: 'string' }, name: { type: 'string' } } } },
    doubles: { type: 'array', items: { type: 'object', properties: { date, memberId: { type: 'string' }, name: { type: 'string' } } } },
  } },
};

export const LOGISTICS_TRAVEL_PATHS: Record<string, Record<string, unknown>> = {
  [`${D}/segments`]: {
    get: { tags, security, summary: `The delegation's travel segments by departure ${reads}`,
      parameters: [delegationId, q('direction', directions), q('status', { type: 'string', enum: ['requested', 'booked', 'cancelled'] }), q('memberId', { type: 'string', format: 'uuid' })],
      responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: ref('Segment') }, total: { type: 'integer' } } }, 'the segments'), 401: e401, 403: e403, 404: e404 } },
    post: { tags, security, summary: `Record a segment (flight between airports of the bundled dataset, or train, bus or car between stations in explicit zones); publishes segment.booked when recorded as booked ${writes}`,
      parameters: [delegationId], requestBody: body('CreateSegment'),
      responses: { 201: json(ref('Segment'), 'the segment'), 400: e400('TRAVEL.UNKNOWN_AIRPORT, TRAVEL.ZONE_REQUIRED, TRAVEL.UNKNOWN_ZONE, TRAVEL.LOCAL_TIME_DOES_NOT_EXIST, TRAVEL.ARRIVAL_NOT_AFTER_DEPARTURE, TRAVEL.NOT_A_MEMBER'),
        401: e401, 403: e403, 404: e404 } },
  },
  [`${D}/segments/{segmentId}`]: {
    get: { tags, security, summary: `One segment ${reads}`, parameters: [delegationId, segmentId], responses: { 200: json(ref('Segment'), 'the segment'), 401: e401, 403: e403, 404: e404 } },
    patch: { tags, security, summary: `Change a segment's route, times, carrier, members or booking reference; publishes segment.changed naming the changed fields ${writes}`,
      parameters: [delegationId, segmentId], requestBody: body('UpdateSegment'),
      responses: { 200: json(ref('Segment'), 'the segment now'), 400: e400('as on creation'), 401: e401, 403: e403, 404: e404, 409: e409('SEGMENT.CANCELLED, SEGMENT.VERSION_CONFLICT') } },
  },
  [`${D}/segments/{segmentId}/book`]: {
    post: { tags, security, summary: `requested → booked, with the booking reference; publishes segment.booked ${writes}`, parameters: [delegationId, segmentId], requestBody: body('BookSegment'),
      responses: { 200: json(ref('Segment'), 'the segment now'), 401: e401, 403: e403, 404: e404, 409: e409('SEGMENT.TRANSITION_NOT_ALLOWED') } },
  },
  [`${D}/segments/{segmentId}/cancel`]: {
    post: { tags, security, summary: `requested or booked → cancelled; publishes segment.cancelled (a cancelled segment answers as it is) ${writes}`, parameters: [delegationId, segmentId],
      responses: { 200: json(ref('Segment'), 'the segment now'), 401: e401, 403: e403, 404: e404 } },
  },
  [`${D}/manifests/arrivals`]: {
    get: { tags, security, summary: `Arrivals manifest (segments with direction arrival, not cancelled) ${reads}`,
      parameters: [delegationId, formatParam, q('includeRequested', { type: 'string', enum: ['true', 'false'], default: 'true' })], responses: manifestResponses('arrivals') },
  },
  [`${D}/manifests/departures`]: {
    get: { tags, security, summary: `Departures manifest (segments with direction departure, not cancelled) ${reads}`,
      parameters: [delegationId, formatParam, q('includeRequested', { type: 'string', enum: ['true', 'false'], default: 'true' })], responses: manifestResponses('departures') },
  },
  [`${D}/hotel-stays`]: {
    get: { tags, security, summary: `The delegation's hotel stays by check-in ${reads}`, parameters: [delegationId, q('memberId', { type: 'string', format: 'uuid' })],
      responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: ref('HotelStay') }, total: { type: 'integer' } } }, 'the stays'), 401: e401, 403: e403, 404: e404 } },
    post: { tags, security, summary: `Record a hotel stay for a member; publishes lodging.assigned ${writes}`, parameters: [delegationId], requestBody: body('CreateHotelStay'),
      responses: { 201: json(ref('HotelStay'), 'the stay'), 400: e400('LODGING.CHECK_OUT_NOT_AFTER_CHECK_IN, LODGING.NOT_A_MEMBER, LODGING.INVALID_DATE'), 401: e401, 403: e403, 404: e404,
        409: e409('LODGING.STAY_OVERLAPS (details.stayId)') } },
  },
  [`${D}/hotel-stays/{stayId}`]: {
    patch: { tags, security, summary: `Change a hotel stay; publishes lodging.assigned ${writes}`, parameters: [delegationId, stayId], requestBody: body('UpdateHotelStay'),
      responses: { 200: json(ref('HotelStay'), 'the stay now'), 400: e400(''), 401: e401, 403: e403, 404: e404, 409: e409('LODGING.STAY_OVERLAPS, HOTEL_STAY.VERSION_CONFLICT') } },
    delete: { tags, security, summary: `Remove a hotel stay (idempotent) ${writes}`, parameters: [delegationId, stayId],
      responses: { 204: { description: 'not (or no longer) there' }, 401: e401, 403: e403, 404: e404 } },
  },
  [`${D}/lodging/nights`]: {
    get: { tags, security, summary: `Where every member sleeps each night of the visit (hotel stays and confirmed homestay placements), gaps and double bookings shown ${reads}`,
      parameters: [delegationId], responses: { 200: json(ref('LodgingNights'), 'the nights'), 401: e401, 403: e403, 404: e404 } },
  },
};
