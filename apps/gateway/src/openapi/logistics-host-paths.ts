/**
 * OpenAPI description of what a host family sees of its guests' logistics (issue #8): confirmed placements with the
 * arrival and departure journeys and the airport pickup. Spread into PROXIED_PATHS / PROXIED_SCHEMAS.
 */
import { e401, e403, id, json, ref } from './openapi-parts';
const dateTime = { type: 'string', format: 'date-time' };
const date = { type: 'string', format: 'date' };
const zone = { type: 'string', example: 'America/Los_Angeles', description: 'IANA time zone' };
const wallClock = (example: string) => ({ type: 'string', example, description: 'wall clock in the zone next to it, no offset' });
const DRIVER_KINDS = ['host-family-member', 'volunteer', 'hired-service'];

export const LOGISTICS_HOST_SCHEMAS: Record<string, unknown> = {
  HostPlace: {
    type: 'object', required: ['kind', 'code', 'name', 'city', 'timeZone'],
    properties: {
      kind: { type: 'string', enum: ['airport', 'station'] }, code: { type: 'string', description: 'IATA code (airport) or the station name' }, name: { type: 'string' },
      city: { type: 'string', nullable: true, description: 'airports only' }, timeZone: zone,
    },
  },
  HostGuestJourney: {
    type: 'object', description: 'one travel segment (booked or requested; cancelled ones never appear)',
    required: ['segmentId', 'mode', 'carrier', 'number', 'label', 'status', 'from', 'to', 'departureAt', 'departureLocal', 'departureTimeZone', 'arrivalAt', 'arrivalLocal', 'arrivalTimeZone'],
    properties: {
      segmentId: id, mode: { type: 'string', enum: ['flight', 'train', 'bus', 'car'] }, carrier: { type: 'string', nullable: true }, number: { type: 'string', nullable: true },
      label: { type: 'string', example: 'CA 983', description: 'carrier and number, else the mode' }, status: { type: 'string', enum: ['booked', 'requested'] },
      from: ref('HostPlace'), to: ref('HostPlace'),
      departureAt: dateTime, departureLocal: wallClock('2027-06-01T16:00'), departureTimeZone: zone,
      arrivalAt: dateTime, arrivalLocal: wallClock('2027-06-01T11:30'), arrivalTimeZone: zone,
    },
  },
  HostGuestPickup: {
    type: 'object', description: 'the planned airport pickup run that meets the guest on arrival',
    required: ['runId', 'meetingPlace', 'meetingAt', 'meetingLocal', 'timeZone', 'segmentId', 'landsLocal', 'driverKind', 'driverName', 'seats', 'dropOff'],
    properties: {
      runId: id, meetingPlace: ref('HostPlace'), meetingAt: dateTime, meetingLocal: wallClock('2027-06-01T12:15:00'), timeZone: zone,
      segmentId: { ...id, description: 'the arrival the run waits for' }, landsLocal: { ...wallClock('2027-06-01T11:30:00'), nullable: true },
      driverKind: { type: 'string', enum: DRIVER_KINDS, nullable: true, description: 'null: no driver assigned yet' }, driverName: { type: 'string', nullable: true },
      seats: { type: 'integer', description: "the vehicle's seats" },
      dropOff: {
        type: 'object', required: ['kind', 'label', 'address'], description: 'where the run leaves this guest: the family (homestay)',
        properties: { kind: { type: 'string', enum: ['homestay', 'hotel', 'unknown'] }, label: { type: 'string', example: 'Ruiz family' }, address: { type: 'string', nullable: true } },
      },
    },
  },
  HostPlacement: {
    type: 'object', required: ['offerId', 'status', 'delegation', 'family', 'guest', 'stay', 'arrival', 'departure', 'pickup'],
    properties: {
      offerId: id, status: { type: 'string', enum: ['confirmed'] },
      delegation: {
        type: 'object', required: ['id', 'title', 'hostCity', 'hostTimeZone', 'startDate', 'endDate', 'status'],
        properties: { id, title: { type: 'string' }, hostCity: { type: 'string' }, hostTimeZone: { ...zone, nullable: true }, startDate: date, endDate: date, status: { type: 'string' } },
      },
      family: { type: 'object', required: ['id', 'name'], properties: { id, name: { type: 'string' } } },
      guest: {
        type: 'object', required: ['memberId', 'participantId', 'givenName', 'familyName'], description: 'names only: no health, passport or contact data',
        properties: { memberId: id, participantId: { ...id, nullable: true }, givenName: { type: 'string', nullable: true }, familyName: { type: 'string', nullable: true } },
      },
      stay: { type: 'object', required: ['from', 'to'], properties: { from: date, to: date } },
      arrival: { allOf: [ref('HostGuestJourney')], nullable: true, description: 'the booked or requested arrival segment that lands last (it ends in the host city); null when none' },
      departure: { allOf: [ref('HostGuestJourney')], nullable: true, description: 'the booked or requested departure segment that leaves first (it starts in the host city); null when none' },
      pickup: { allOf: [ref('HostGuestPickup')], nullable: true, description: 'null when no planned run carries the guest (no arrival flight, or pickups not planned yet)' },
    },
  },
  HostPlacementList: { type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: ref('HostPlacement') }, total: { type: 'integer' } } },
};

export const LOGISTICS_HOST_PATHS: Record<string, Record<string, unknown>> = {
  '/api/logistics/my-placements': {
    get: {
      tags: ['logistics'], security: [{ bearer: [] }],
      summary: "Your guests: the confirmed placements of the families you host, in delegations your organisation owns or shares, with the guest's arrival and departure (local times with their zones) and the airport pickup; never another family's (host) (service: logistics)",
      responses: { 200: json(ref('HostPlacementList'), 'the placements, by first night'), 401: e401, 403: e403 },
    },
  },
};
