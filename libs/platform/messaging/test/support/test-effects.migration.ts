import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Test-only table where the handlers under test record their effects. It deliberately has NO unique
 * constraint on the event id: a second effect of one event would be a second row, which the tests count.
 */
export class CreateTestEffects1764288000001 implements MigrationInterface {
  name = 'CreateTestEffects1764288000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE test_effect (
        id bigserial PRIMARY KEY,
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        aggregate_id text NOT NULL,
        title text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE test_effect`);
  }
}
