import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Forgot password": `password_reset` holds each emailed reset link as the SHA-256 of its token (the token itself
 * exists only sealed in the event for the notifications service), single use, expiring; `password_reset_request`
 * counts the requests of each client address (known email or not) for the throttle, and holds no email.
 */
export class CreatePasswordReset1766900000000 implements MigrationInterface {
  name = 'CreatePasswordReset1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        replaced_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX password_reset_user_created ON password_reset (user_id, created_at)`);
    await q.query(`CREATE TABLE password_reset_request (address text NOT NULL, requested_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX password_reset_request_address ON password_reset_request (address, requested_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset_request`);
    await q.query(`DROP TABLE password_reset`);
  }
}
