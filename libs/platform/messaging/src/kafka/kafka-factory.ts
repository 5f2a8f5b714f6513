import { Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { createLogger } from '@twinning/platform-observability';

/** kafkajs logs through pino, at warn and above. */
function kafkaLogCreator(service: string) {
  const log = createLogger(`${service}.kafka`);
  return () => ({ level, log: entry }: LogEntry) => {
    const { message, ...rest } = entry;
    if (level <= logLevel.ERROR) log.error(rest, message);
    else if (level === logLevel.WARN) log.warn(rest, message);
  };
}

export function createKafka(service: string, brokers: string[]): Kafka {
  return new Kafka({
    clientId: `twinning-${service}`,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(service),
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/** Idempotent producer, one request in flight (per-partition order), the Java-compatible default partitioner. */
export function createOrderedProducer(kafka: Kafka, transactionalId?: string): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    transactionalId,
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    // idempotence needs unbounded retries; the total time is still bounded by maxRetryTime
    retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 30000 },
  });
}
