export interface MessagingOptions {
  /** Producer name in the envelope and the client id prefix, e.g. `delegations`. */
  service: string;
  brokers: string[];
  /** Prepended to every topic and consumer group (deployments, test runs). */
  topicPrefix?: string;
  /** Partitions for topics this service creates. */
  partitions?: number;
  relay?: Partial<RelaySettings>;
  consumer?: Partial<ConsumerSettings>;
}

export interface RelaySettings {
  batchSize: number;
  /**
   * Bytes (values, keys, headers) one publish may carry; a drain sends fewer rows than batchSize when
   * they are bigger. Keeps every partition's record batch under the broker's message.max.bytes
   * (1 MiB by default), which would otherwise reject the same batch forever and stall the outbox.
   */
  maxBatchBytes: number;
  /** Safety poll when no NOTIFY arrives (e.g. notifications lost while reconnecting). */
  idlePollMs: number;
  /** Published rows older than this are deleted. */
  retentionHours: number;
  /** Test hook: runs after Kafka acknowledged a batch and before the rows are marked published. */
  afterPublish?: (eventIds: string[]) => Promise<void> | void;
}

export interface ConsumerSettings {
  /**
   * Attempts of one batch transaction failing with an unclassified error before the partition is paused
   * and re-read. Transient failures (database unreachable, deadlock, ...) are retried without a limit.
   */
  maxAttempts: number;
  /**
   * Pauses and re-reads of a batch that keeps failing with an unclassified error before that error is
   * taken for the events' fault: the batch is then narrowed and the failing event dead-lettered. With the
   * defaults a stuck batch is narrowed after about 35 s (3 x (5 attempts + a 10 s pause)).
   */
  maxRereads: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Pause after the attempts are exhausted; the batch is then re-read from the first unprocessed offset. */
  pauseAfterExhaustedMs: number;
  sessionTimeoutMs: number;
  maxWaitTimeInMs: number;
  /** Partitions handled at the same time (each in its own transaction; order holds within a partition). */
  partitionsConsumedConcurrently: number;
}

export const DEFAULT_RELAY: RelaySettings = { batchSize: 1000, maxBatchBytes: 900 * 1024, idlePollMs: 1000, retentionHours: 24 };
export const DEFAULT_CONSUMER: ConsumerSettings = {
  maxAttempts: 5,
  maxRereads: 3,
  initialBackoffMs: 100,
  maxBackoffMs: 5000,
  pauseAfterExhaustedMs: 10000,
  sessionTimeoutMs: 30000,
  maxWaitTimeInMs: 50,
  partitionsConsumedConcurrently: 3,
};

export function prefixed(options: Pick<MessagingOptions, 'topicPrefix'>, name: string): string {
  return `${options.topicPrefix ?? ''}${name}`;
}
