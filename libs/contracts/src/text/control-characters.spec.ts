import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { getMetadataStorage } from 'class-validator';
import { EventCatalog } from '../catalog';
import { InvalidEventError, parseEnvelope } from '../validate-envelope';
import { findForbiddenText } from './control-characters';

function envelope(type: string, version: number, payload: Record<string, unknown>) {
  return { eventId: randomUUID(), type, version, occurredAt: '2026-05-01T09:30:00.000Z', organisationId: randomUUID(), aggregateId: randomUUID(),
    correlationId: 'corr-1', causationId: null, producer: 'test', payload };
}

function refusal(raw: unknown): InvalidEventError | undefined {
  try {
    parseEnvelope(JSON.stringify(raw));
  } catch (e) {
    return e as InvalidEventError;
  }
  return undefined;
}

/** Every (type, version, property) of the catalogue whose validators say it holds text. */
const TEXT_RULES = new Set(['isString', 'isNotEmpty', 'maxLength', 'minLength', 'isIn', 'matches', 'isEmail', 'isUrl', 'isUUID', 'isISO8601', 'length']);
const STRING_FIELDS = Object.entries(EventCatalog).flatMap(([type, entry]) => Object.entries(entry.versions).flatMap(([version, cls]) => {
  const props = new Set(getMetadataStorage().getTargetValidationMetadatas(cls as new () => object, '', true, false)
    .filter((m) => TEXT_RULES.has(m.name ?? '') || TEXT_RULES.has(String(m.constraints?.[0] ?? '')))
    .map((m) => m.propertyName));
  return [...props].map((prop) => [`${type} v${version}`, type, Number(version), prop] as const);
}));

describe('control characters in events', () => {
  it('finds text fields in (nearly) every catalogued payload', () => {
    expect(STRING_FIELDS.length).toBeGreaterThan(Object.keys(EventCatalog).length);
  });

  it.each(STRING_FIELDS)('%s: a NUL in %s is refused before the payload is validated (EVENT.INVALID naming the field)', (_name, type, version, prop) => {
    const e = refusal(envelope(type, version, { [prop]: 'Lyon\u0000' }));
    expect(e).toBeInstanceOf(InvalidEventError);
    expect({ code: e!.code, message: e!.message }).toEqual({ code: 'EVENT.INVALID', message: expect.stringMatching(new RegExp(`^payload\\.${prop} must not contain control characters`)) });
  });

  const created = (title: string) => envelope('delegation.created', 1, { delegationId: randomUUID(), title, hostCity: 'Lyon', startDate: '2026-06-01', endDate: '2026-06-10', status: 'draft' });

  it('refuses a valid event once a string anywhere in it holds a control character, nested strings, keys and the envelope included', () => {
    expect(refusal(created('Lyon youth exchange'))).toBeUndefined();
    expect(refusal(created('Lyon\u0000youth'))?.message).toMatch(/^payload\.title /);
    expect(refusal(created('Lyon\u001byouth'))?.message).toMatch(/^payload\.title /);
    expect(refusal(created('Lyon \ud83dyouth'))?.message).toMatch(/^payload\.title /);
    expect(refusal({ ...created('ok'), correlationId: 'c\u0000' })?.message).toMatch(/^correlationId /);
  });

  it('keeps tabs, new lines and every printable character, emoji included', () => {
    expect(findForbiddenText({ a: ['Día 1:\tllegada\r\nDía 2 🚌', { b: '北京 — ok' }] })).toBeNull();
    expect(findForbiddenText({ a: [{ b: 'x\u0000' }] })).toEqual({ path: 'a.0.b' });
    expect(findForbiddenText({ 'bad\u0007key': 1 })).toEqual({ path: 'bad\u0007key' });
    expect(findForbiddenText('\u0085')).toEqual({ path: '' });
  });

  it('walks a value nested far deeper than the call stack allows', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(findForbiddenText(deep)?.path).toMatch(/^0(\.0)+$/);
  });
});
