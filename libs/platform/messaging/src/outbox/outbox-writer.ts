import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EntityManager } from 'typeorm';
import { EventEnvelope, EventType, EventVersion, findForbiddenText, FORBIDDEN_TEXT_MESSAGE, MISSING_ORGANISATION_MESSAGE, PayloadOf, requiresOrganisation, payloadClassOf, topicOf } from '@twinning/contracts';
import { CORRELATION_HEADER, currentCorrelation } from '@twinning/platform-observability';
import { MessagingOptions, prefixed } from '../messaging-options';

export interface NewEvent<T extends EventType, V extends EventVersion<T>> {
  type: T;
  version: V;
  aggregateId: string;
  organisationId: string | null;
  payload: PayloadOf<T, V>;
  /** Defaults to the current request's or consumed event's correlation id. */
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date;
}

/** Any catalogued event (for batches mixing types and versions). */
export type AnyNewEvent = { [T in EventType]: NewEvent<T, EventVersion<T>> }[EventType];

export interface OutboxRow {
  eventId: string;
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/**
 * Writes events into the outbox table through the caller's transaction, so the event exists if
 * and only if the state change committed. The relay publishes it afterwards.
 */
export class OutboxWriter {
  constructor(private readonly options: MessagingOptions) {}

  envelope<T extends EventType, V extends EventVersion<T>>(event: NewEvent<T, V>): EventEnvelope<PayloadOf<T, V>> {
    const cls = payloadClassOf(event.type, event.version);
    if (!cls) throw new Error(`OUTBOX.UNKNOWN_EVENT: ${event.type} v${event.version} is not in the contracts catalogue`);
    const errors = validateSync(plainToInstance(cls, event.payload), { forbidUnknownValues: true });
    if (errors.length) {
      throw new Error(`OUTBOX.INVALID_PAYLOAD: ${event.type} v${event.version}: ${errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`).join(', ')}`);
    }
    // the same rule every consumer applies (parseEnvelope): an event is never written that its consumers would refuse
    const forbidden = findForbiddenText(event.payload);
    if (forbidden) throw new Error(`OUTBOX.INVALID_PAYLOAD: ${event.type} v${event.version}: ${forbidden.path} ${FORBIDDEN_TEXT_MESSAGE}`);
    if (requiresOrganisation(event.type) && !event.organisationId) {
      throw new Error(`OUTBOX.INVALID_ENVELOPE: ${event.type} v${event.version}: ${MISSING_ORGANISATION_MESSAGE}`);
    }
    const ctx = currentCorrelation();
    return {
      eventId: randomUUID(),
      type: event.type,
      version: event.version,
      occurredAt: (event.occurredAt ?? new Date()).toISOString(),
      organisationId: event.organisationId,
      aggregateId: event.aggregateId,
      correlationId: event.correlationId ?? ctx?.correlationId ?? randomUUID(),
      causationId: event.causationId ?? ctx?.causationId ?? null,
      producer: this.options.service,
      payload: event.payload,
    };
  }

  toRow(envelope: EventEnvelope, topic = prefixed(this.options, topicOf(envelope.type as EventType))): OutboxRow {
    return {
      eventId: envelope.eventId,
      topic,
      key: envelope.aggregateId,
      value: Buffer.from(JSON.stringify(envelope)),
      headers: {
        [CORRELATION_HEADER]: envelope.correlationId,
        'x-event-type': envelope.type,
        'x-event-version': String(envelope.version),
        'x-producer': envelope.producer,
      },
    };
  }

  /** Appends one event in the given transaction; returns its envelope. */
  async append<T extends EventType, V extends EventVersion<T>>(tx: EntityManager, event: NewEvent<T, V>): Promise<EventEnvelope<PayloadOf<T, V>>>;
  /** An event whose type is only known at run time, still validated against its catalogued class (once a type has two versions, AnyNewEvent no longer infers one T and V). */
  async append(tx: EntityManager, event: AnyNewEvent): Promise<EventEnvelope>;
  async append(tx: EntityManager, event: AnyNewEvent): Promise<EventEnvelope> {
    const env = this.envelope(event as NewEvent<EventType, never>);
    await this.insertRows(tx, [this.toRow(env)]);
    return env;
  }

  /** Appends many events with one multi-row INSERT (hot paths, bulk imports). */
  async appendMany(tx: EntityManager, events: AnyNewEvent[]): Promise<EventEnvelope[]> {
    const envs = events.map((e) => this.envelope(e as NewEvent<EventType, never>));
    await this.insertRows(tx, envs.map((e) => this.toRow(e)));
    return envs;
  }

  async insertRows(tx: EntityManager, rows: OutboxRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const params: unknown[] = [];
      const values = chunk.map((r, j) => {
        params.push(r.eventId, r.topic, r.key, r.value, JSON.stringify(r.headers));
        const b = j * 5;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb)`;
      });
      await tx.query(`INSERT INTO outbox (event_id, topic, message_key, value, headers) VALUES ${values.join(', ')}`, params);
    }
  }
}
