import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The benchmark consumer's effect table: one row per handled event, written by the handler in the
 * consumer's batch transaction. `applied_at` is clock_timestamp() at the INSERT (inside the
 * transaction, before its commit); the commit time itself is measured by the consumer process.
 */
export class CreateBenchEffects1764288000900 implements MigrationInterface {
  name = 'CreateBenchEffects1764288000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bench_effect (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL,
        phase text NOT NULL,
        aggregate_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bench_effect`);
  }
}
