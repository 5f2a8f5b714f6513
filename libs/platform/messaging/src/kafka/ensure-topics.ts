import { Kafka } from 'kafkajs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Creates the topics that do not exist yet (topics are created explicitly, never auto-created),
 * then waits until every partition has a leader. kafkajs's own `waitForLeaders` gives up on
 * UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker answers for a moment after creation, so the
 * wait is done here, bounded, retrying on any metadata error.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3, timeoutMs = 30000): Promise<void> {
  const wanted = [...new Set(topics)];
  if (wanted.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length) {
      try {
        await admin.createTopics({ waitForLeaders: false, topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })) });
      } catch (e) {
        // another instance created it in between: fine
        if (!String((e as Error).message).includes('already exists')) throw e;
      }
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const { topics: meta } = await admin.fetchTopicMetadata({ topics: wanted });
        if (meta.length === wanted.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
      if (Date.now() > deadline) throw new Error(`topics have no leader after ${timeoutMs} ms: ${wanted.join(', ')}`);
      await sleep(100);
    }
  } finally {
    await admin.disconnect();
  }
}
