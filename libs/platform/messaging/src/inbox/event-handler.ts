import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@twinning/contracts';

export interface EventMeta {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * A consumer: a consumer group, the topics it reads, and what it does with each event inside the
 * transaction that also records the event in the inbox. Name the class for what it does
 * (e.g. `RecordDelegationActivityConsumer`).
 */
export interface EventConsumer {
  /** Base consumer group name (prefix added at run time), e.g. `notifications.delegation-directory`. */
  readonly groupId: string;
  /** Base topic names from `Topics`. */
  readonly topics: readonly string[];
  /** Event types this consumer acts on; others are recorded in the inbox and skipped. Omit for all. */
  readonly types?: readonly string[];
  handle(event: EventEnvelope, tx: EntityManager, meta: EventMeta): Promise<void>;
}

/**
 * Thrown by a handler when an event is valid by contract but can never be applied (e.g. it refers
 * to something that cannot exist): the event is dead-lettered instead of retried.
 */
export class UnprocessableEventError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'UnprocessableEventError';
  }
}
