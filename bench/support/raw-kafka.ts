import { Kafka, logLevel, LogEntry } from 'kafkajs';

/** A plain kafkajs client for the raw baseline; its warnings go to stderr. */
export function rawKafka(clientId: string, brokers: string[], retries?: number): Kafka {
  return new Kafka({
    clientId,
    brokers,
    ...(retries !== undefined ? { retry: { retries } } : {}),
    logLevel: logLevel.WARN,
    logCreator: () => ({ level, log }: LogEntry) => {
      if (level <= logLevel.WARN) process.stderr.write(`[${clientId}] ${log.message}\n`);
    },
  });
}
