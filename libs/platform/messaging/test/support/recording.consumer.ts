import { EntityManager } from 'typeorm';
import { EventEnvelope, Topics } from '@twinning/contracts';
import { EventConsumer, EventMeta, UnprocessableEventError } from '../../src';

export interface RecordingBehaviour {
  /** Throws a plain (unclassified) Error on the first N calls of `handle`. */
  failFirstCalls?: number;
  /** Throws UnprocessableEventError for events whose payload title is in this set. */
  unprocessableTitles?: string[];
  /** Runs this SQL in the runner's transaction instead of recording, for events with the given title (to provoke database errors). */
  sqlForTitles?: Record<string, string>;
  /** Throws a plain Error on every call for events whose payload title is in this set (a failure nothing classifies). */
  alwaysFailTitles?: string[];
  /** Runs before each failing call (e.g. to look at what the group has committed meanwhile). */
  beforeFailure?: (call: number) => Promise<void>;
  /** The topics to read (without prefix); the delegation topic when not given. */
  topics?: string[];
}

/**
 * A consumer for the tests: records one `test_effect` row per handled event, in the runner's
 * transaction, and can be told to fail transiently or to reject events as unprocessable.
 */
export class RecordingConsumer implements EventConsumer {
  readonly topics: string[];
  /** Every call of `handle`, failed ones included. */
  calls: { eventId: string; meta: EventMeta }[] = [];

  constructor(readonly groupId: string, private readonly behaviour: RecordingBehaviour = {}) {
    this.topics = behaviour.topics ?? [Topics.delegationEvents];
  }

  async handle(event: EventEnvelope, tx: EntityManager, meta: EventMeta): Promise<void> {
    this.calls.push({ eventId: event.eventId, meta });
    const title = (event.payload as { title: string }).title;
    if (this.calls.length <= (this.behaviour.failFirstCalls ?? 0)) {
      await this.behaviour.beforeFailure?.(this.calls.length);
      throw new Error(`simulated transient failure #${this.calls.length}`);
    }
    if (this.behaviour.unprocessableTitles?.includes(title)) {
      throw new UnprocessableEventError('TEST.UNPROCESSABLE', `delegation "${title}" can never be applied`);
    }
    if (this.behaviour.alwaysFailTitles?.includes(title)) throw new Error(`handler bug on "${title}"`);
    const sql = this.behaviour.sqlForTitles?.[title];
    if (sql) {
      await tx.query(sql, [event.eventId]);
      return;
    }
    await tx.query(`INSERT INTO test_effect (consumer_group, event_id, aggregate_id, title) VALUES ($1, $2, $3, $4)`, [
      this.groupId,
      event.eventId,
      event.aggregateId,
      title,
    ]);
  }
}
