import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hosts' own placements (GET /my-placements, issue #8): the placements whose host_user_ids contain a user, by GIN index. */
export class IndexPlacementHosts1764850000000 implements MigrationInterface {
  name = 'IndexPlacementHosts1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX lg_placement_host_users ON lg_placement USING gin (host_user_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX lg_placement_host_users`);
  }
}
