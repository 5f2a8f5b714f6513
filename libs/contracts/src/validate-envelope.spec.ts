import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DelegationCreatedV1 } from './delegations/delegation-created.v1';
import { InvalidEventError, parseEnvelope } from './validate-envelope';

function validEnvelope(overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) {
  const delegationId = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'delegation.created',
    version: 1,
    occurredAt: '2026-05-01T09:30:00.000Z',
    organisationId: randomUUID(),
    aggregateId: delegationId,
    correlationId: 'corr-1',
    causationId: null,
    producer: 'delegations',
    payload: { delegationId, title: 'Lyon youth exchange', hostCity: 'Lyon', startDate: '2026-06-01', endDate: '2026-06-10', status: 'draft', ...payload },
    ...overrides,
  };
}

function parseError(raw: Buffer | string | null): InvalidEventError {
  try {
    parseEnvelope(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidEventError);
    return e as InvalidEventError;
  }
  throw new Error('parseEnvelope accepted the message');
}

describe('parseEnvelope', () => {
  it('returns a valid event with its payload as an instance of the catalogued class', () => {
    const json = validEnvelope();
    const envelope = parseEnvelope(Buffer.from(JSON.stringify(json)));
    expect(envelope.eventId).toBe(json.eventId);
    expect(envelope.type).toBe('delegation.created');
    expect(envelope.version).toBe(1);
    expect(envelope.correlationId).toBe('corr-1');
    expect(envelope.payload).toBeInstanceOf(DelegationCreatedV1);
    expect(envelope.payload).toMatchObject({ title: 'Lyon youth exchange', endDate: '2026-06-10' });
  });

  it('accepts a string as well as bytes, and an event without causation', () => {
    const envelope = parseEnvelope(JSON.stringify(validEnvelope({ causationId: null })));
    expect(envelope.causationId).toBeNull();
  });

  it.each([
    ['null', { organisationId: null }],
    ['missing', { organisationId: undefined }],
    ['empty', { organisationId: '' }],
  ])('refuses an organisation-scoped event whose organisation id is %s (no read model could store it)', (_label, overrides) => {
    const e = parseError(JSON.stringify(validEnvelope(overrides)));
    expect(e.code).toBe('EVENT.INVALID');
    expect(e.message).toMatch(/^envelope invalid: organisationId must be the id of the organisation the event belongs to \(delegation\.created v1\)|^envelope invalid: organisationId: /);
  });

  it('accepts an account event without organisation (a user registers before joining one)', () => {
    const userId = randomUUID();
    const envelope = parseEnvelope(
      JSON.stringify(validEnvelope({ type: 'user.registered', organisationId: null, aggregateId: userId, producer: 'gateway' }, { userId, email: 'ana@example.org', name: 'Ana', language: 'en' })),
    );
    expect(envelope.organisationId).toBeNull();
  });

  it.each([
    ['not JSON', '{"eventId": "abc', /^not JSON: /],
    ['empty', '', /^empty message$/],
    ['a tombstone (null value)', null, /^empty message$/],
    ['a JSON array', '[1, 2]', /^not a JSON object$/],
    ['a JSON string', '"delegation.created"', /^not a JSON object$/],
    ['JSON null', 'null', /^not a JSON object$/],
  ])('rejects a malformed message (%s) as EVENT.MALFORMED', (_label, raw, message) => {
    const e = parseError(raw);
    expect(e.code).toBe('EVENT.MALFORMED');
    expect(e.message).toMatch(message);
  });

  it('rejects an unknown event type as EVENT.UNKNOWN_TYPE', () => {
    const e = parseError(JSON.stringify(validEnvelope({ type: 'delegation.exploded' })));
    expect(e.code).toBe('EVENT.UNKNOWN_TYPE');
    expect(e.message).toBe('unknown event delegation.exploded v1');
  });

  it('rejects an unknown version of a known type as EVENT.UNKNOWN_TYPE', () => {
    const e = parseError(JSON.stringify(validEnvelope({ version: 2 })));
    expect(e.code).toBe('EVENT.UNKNOWN_TYPE');
    expect(e.message).toBe('unknown event delegation.created v2');
  });

  it('rejects an invalid payload as EVENT.INVALID, naming the field', () => {
    const json = validEnvelope();
    delete (json.payload as Partial<typeof json.payload>).endDate;
    const e = parseError(JSON.stringify(json));
    expect(e.code).toBe('EVENT.INVALID');
    expect(e.message).toMatch(/^payload of delegation\.created v1 invalid: endDate: /);
    expect(e.message).not.toMatch(/startDate/);
  });

  it('names every invalid payload field', () => {
    const e = parseError(JSON.stringify(validEnvelope({}, { delegationId: 'not-a-uuid', startDate: '1 June 2026' })));
    expect(e.code).toBe('EVENT.INVALID');
    expect(e.message).toMatch(/delegationId: .*uuid/i);
    expect(e.message).toMatch(/startDate: /);
  });

  it.each([
    ['eventId', { eventId: 'not-a-uuid' }],
    ['version', { version: '1' }],
    ['occurredAt', { occurredAt: 'yesterday' }],
    ['aggregateId', { aggregateId: '' }],
    ['payload', { payload: 'a string' }],
  ])('rejects an invalid envelope (%s) as EVENT.INVALID, naming the field', (field, overrides) => {
    const e = parseError(JSON.stringify(validEnvelope(overrides)));
    expect(e.code).toBe('EVENT.INVALID');
    expect(e.message).toMatch(new RegExp(`^envelope invalid: .*\\b${field}: `));
  });
});
