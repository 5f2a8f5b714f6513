import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Airport pickups (issue #6, item 3): whether a delegation has a pickup plan (re-planning on travel and placement
 * changes starts with the first coordinator-run plan), and per run member the bags and the local landing time.
 */
export class CreatePickupPlans1764830000000 implements MigrationInterface {
  name = 'CreatePickupPlans1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pickup_plan (
        delegation_id uuid PRIMARY KEY,
        planned_at timestamptz NOT NULL,
        planned_by uuid,
        last_cause text NOT NULL,
        total_wait_minutes double precision NOT NULL DEFAULT 0
      )`);
    await q.query(`ALTER TABLE pickup_run_member ADD COLUMN bags integer NOT NULL DEFAULT 1, ADD COLUMN lands_local text, ADD COLUMN lands_time_zone text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pickup_run_member DROP COLUMN bags, DROP COLUMN lands_local, DROP COLUMN lands_time_zone`);
    await q.query(`DROP TABLE pickup_plan`);
  }
}
