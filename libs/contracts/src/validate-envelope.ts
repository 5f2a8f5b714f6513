import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { payloadClassOf } from './catalog';
import { EventEnvelope } from './envelope';
import { findForbiddenText, FORBIDDEN_TEXT_MESSAGE } from './text/control-characters';
import { MISSING_ORGANISATION_MESSAGE, requiresOrganisation } from './organisation-scope';

export class InvalidEventError extends Error {
  constructor(readonly code: 'EVENT.MALFORMED' | 'EVENT.INVALID' | 'EVENT.UNKNOWN_TYPE', message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

function describe(errors: ValidationError[], parent = ''): string[] {
  const out: string[] = [];
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) out.push(`${path}: ${Object.values(e.constraints).join('; ')}`);
    if (e.children?.length) out.push(...describe(e.children, path));
  }
  return out;
}

/** Parses raw bytes into a validated envelope whose payload is an instance of its catalogued class. */
export function parseEnvelope(raw: Buffer | string | null): EventEnvelope {
  if (raw === null || raw.length === 0) throw new InvalidEventError('EVENT.MALFORMED', 'empty message');
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch (e) {
    throw new InvalidEventError('EVENT.MALFORMED', `not JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InvalidEventError('EVENT.MALFORMED', 'not a JSON object');
  // before any class validation, for every string of every catalogued payload (and of the envelope): an event no
  // read model can store goes to the dead-letter topic instead of failing its consumer's transaction again and again
  const forbidden = findForbiddenText(json);
  if (forbidden) throw new InvalidEventError('EVENT.INVALID', `${forbidden.path} ${FORBIDDEN_TEXT_MESSAGE}`);
  const envelope = plainToInstance(EventEnvelope, json);
  const envErrors = validateSync(envelope, { forbidUnknownValues: false });
  if (envErrors.length) throw new InvalidEventError('EVENT.INVALID', `envelope invalid: ${describe(envErrors).join(', ')}`);
  const cls = payloadClassOf(envelope.type, envelope.version);
  if (!cls) throw new InvalidEventError('EVENT.UNKNOWN_TYPE', `unknown event ${envelope.type} v${envelope.version}`);
  if (requiresOrganisation(envelope.type) && !envelope.organisationId) {
    throw new InvalidEventError('EVENT.INVALID', `envelope invalid: ${MISSING_ORGANISATION_MESSAGE} (${envelope.type} v${envelope.version})`);
  }
  const payload = plainToInstance(cls, (json as { payload: object }).payload);
  const payloadErrors = validateSync(payload, { whitelist: false, forbidUnknownValues: true });
  if (payloadErrors.length) throw new InvalidEventError('EVENT.INVALID', `payload of ${envelope.type} v${envelope.version} invalid: ${describe(payloadErrors).join(', ')}`);
  envelope.payload = payload;
  return envelope;
}
