import { UnprocessableEventError } from './event-handler';

/**
 * What a failed batch transaction means for the events in it:
 * - `permanent`: the events themselves are wrong (the handler says so, or PostgreSQL refuses the data): the
 *   batch is narrowed to the offending event, which is dead-lettered, and the partition flows on;
 * - `transient`: the world is wrong for a while (connection, serialisation failure, deadlock, timeout):
 *   retried with backoff for as long as it takes, never dead-lettered, because the event is fine;
 * - `unclassified`: anything else: retried a bounded number of times and re-read, then treated as permanent.
 */
export type FailureKind = 'permanent' | 'transient' | 'unclassified';

export interface ClassifiedFailure {
  kind: FailureKind;
  /** The dead-letter code when the failure turns out to belong to one event. */
  code: string;
  message: string;
}

/**
 * SQLSTATE classes whose errors are about the data sent: 22 (data exception: value too long, invalid text,
 * NUL in a string, out of range) and 23 (integrity constraint violation: not null, foreign key, unique, check).
 * Another try with the same event gives the same answer.
 */
const PERMANENT_SQLSTATE_CLASSES = new Set(['22', '23']);

/**
 * SQLSTATEs that say the database cannot be used right now but may be in a moment: 08 (connection), 40001
 * (serialisation failure), 40P01 (deadlock), 53 (insufficient resources), 55P03 (lock not available),
 * 57014 (statement timeout), 57P01-57P05 (shut down, terminated, cannot connect now, idle timeouts), 58 (I/O),
 * 3D000 (the database does not exist, as while it is being restored or renamed) and 28 (credentials refused,
 * as while they are rotated): none of them is the event's fault, so none may ever dead-letter one.
 */
const TRANSIENT_SQLSTATE_CLASSES = new Set(['08', '53', '58', '28']);
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57014', '57P01', '57P02', '57P03', '57P04', '57P05', '3D000']);

/** Node socket errors and the pg driver's own messages for a connection that went away or never came. */
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /connection.*(closed|ended)/i, /Client has encountered a connection error/i, /terminating connection/i];

export class FailureClassifier {
  classify(error: unknown): ClassifiedFailure {
    if (error instanceof UnprocessableEventError) return { kind: 'permanent', code: error.code, message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    const code = sqlState(error);
    if (code && /^[0-9A-Z]{5}$/.test(code)) {
      if (PERMANENT_SQLSTATE_CLASSES.has(code.slice(0, 2))) return { kind: 'permanent', code: 'EVENT.REFUSED_BY_DATABASE', message: `${code}: ${message}` };
      if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.has(code.slice(0, 2))) return { kind: 'transient', code: 'EVENT.TRANSIENT', message: `${code}: ${message}` };
    }
    if (code && TRANSIENT_NODE_CODES.has(code)) return { kind: 'transient', code: 'EVENT.TRANSIENT', message: `${code}: ${message}` };
    if (TRANSIENT_MESSAGES.some((m) => m.test(message))) return { kind: 'transient', code: 'EVENT.TRANSIENT', message };
    return { kind: 'unclassified', code: 'EVENT.RETRIES_EXHAUSTED', message };
  }
}

/** TypeORM copies the driver error's fields onto QueryFailedError; a bare pg or socket error carries `code` itself. */
function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e.driverError?.code ?? e.code;
  return typeof code === 'string' ? code : undefined;
}
