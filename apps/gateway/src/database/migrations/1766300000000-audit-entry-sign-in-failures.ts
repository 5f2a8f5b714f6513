import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed and throttled sign-ins in the audit trail of the organisations whose member's account was tried: what
 * happened (`event_code`) and to whose account (`account_user_id`); the request's own user and organisation are
 * unknown (no token), so without these an admin would never see them.
 */
export class AuditEntrySignInFailures1766300000000 implements MigrationInterface {
  name = 'AuditEntrySignInFailures1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entry ADD COLUMN event_code text, ADD COLUMN account_user_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entry DROP COLUMN account_user_id, DROP COLUMN event_code`);
  }
}
