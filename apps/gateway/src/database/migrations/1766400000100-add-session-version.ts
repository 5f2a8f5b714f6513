import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each account's session version: carried in every access token (`sv`) and raised whenever its
 * tokens must stop working (a role change, removal, disabling, logout). On the user, not the
 * membership, so it survives a removed membership and a later re-invitation never goes back to 1.
 */
export class AddSessionVersion1766400000100 implements MigrationInterface {
  name = 'AddSessionVersion1766400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN session_version integer NOT NULL DEFAULT 1 CHECK (session_version >= 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN session_version`);
  }
}
