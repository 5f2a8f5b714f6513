import { Kafka } from 'kafkajs';

/** Creates the topics that do not exist yet (topics are created explicitly, never auto-created). */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length) {
      try {
        await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })) });
      } catch (e) {
        // another instance created it in between: fine
        if (!String((e as Error).message).includes('already exists')) throw e;
      }
    }
  } finally {
    await admin.disconnect();
  }
}
