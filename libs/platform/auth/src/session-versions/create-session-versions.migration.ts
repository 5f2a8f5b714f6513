import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every service's read model of session versions (see RecordSessionVersionsConsumer). */
export class CreateSessionVersions1766400000000 implements MigrationInterface {
  name = 'CreateSessionVersions1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE auth_session_version (user_id uuid PRIMARY KEY, session_version integer NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_session_version`);
  }
}
