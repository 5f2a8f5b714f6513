import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail also keeps the facts the services record (`audit.recorded`): which service recorded an entry
 * (`source`; `gateway` for its own), what kind (`write`, `sensitive-read`), and for a sensitive read the record read
 * and the names of the fields disclosed (never their values). `event_id` makes a redelivered fact one entry.
 */
export class AddAuditFactsOfServices1766700000001 implements MigrationInterface {
  name = 'AddAuditFactsOfServices1766700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entry
      ADD COLUMN source text NOT NULL DEFAULT 'gateway',
      ADD COLUMN action text NOT NULL DEFAULT 'write',
      ADD COLUMN subject_kind text,
      ADD COLUMN subject_id uuid,
      ADD COLUMN fields text[],
      ADD COLUMN event_id uuid`);
    await q.query(`CREATE UNIQUE INDEX audit_entry_event_idx ON audit_entry (event_id) WHERE event_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_entry_subject_idx ON audit_entry (organisation_id, subject_id, occurred_at DESC) WHERE subject_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_entry_subject_idx`);
    await q.query(`DROP INDEX audit_entry_event_idx`);
    await q.query(`ALTER TABLE audit_entry DROP COLUMN event_id, DROP COLUMN fields, DROP COLUMN subject_id, DROP COLUMN subject_kind, DROP COLUMN action, DROP COLUMN source`);
  }
}
