import { Admin, Kafka } from 'kafkajs';

/** Answers whether the broker is reachable (metadata request), within a short timeout. */
export class KafkaHealth {
  private admin?: Admin;
  constructor(private readonly kafka: Kafka) {}

  async check(timeoutMs = 2000): Promise<{ up: boolean; brokers?: number; error?: string }> {
    try {
      if (!this.admin) {
        this.admin = this.kafka.admin({ retry: { retries: 0 } });
        await this.admin.connect();
      }
      const cluster = await Promise.race([
        this.admin.describeCluster(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
      ]);
      return { up: true, brokers: cluster.brokers.length };
    } catch (e) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return { up: false, error: (e as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
