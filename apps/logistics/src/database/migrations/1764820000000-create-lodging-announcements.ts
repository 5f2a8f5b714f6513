import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lodging (issue #6 item 4): which confirmed placements have been announced as `lodging.assigned` (homestay), so each
 * placement is announced once however often its confirmation is seen; and a version on hotel stays.
 */
export class CreateLodgingAnnouncements1764820000000 implements MigrationInterface {
  name = 'CreateLodgingAnnouncements1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE lodging_homestay_announced (offer_id uuid PRIMARY KEY, delegation_id uuid NOT NULL, member_id uuid NOT NULL, announced_at timestamptz NOT NULL)`);
    await q.query(`ALTER TABLE hotel_stay ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hotel_stay DROP COLUMN updated_at, DROP COLUMN version`);
    await q.query(`DROP TABLE lodging_homestay_announced`);
  }
}
