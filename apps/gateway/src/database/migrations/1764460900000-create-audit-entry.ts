import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail of state-changing requests through the gateway. No bodies, no tokens. */
export class CreateAuditEntry1764460900000 implements MigrationInterface {
  name = 'CreateAuditEntry1764460900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        user_id uuid,
        organisation_id uuid,
        method text NOT NULL,
        path text NOT NULL,
        status integer NOT NULL,
        correlation_id text,
        client_address text,
        duration_ms integer NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_entry_organisation_idx ON audit_entry (organisation_id, occurred_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
  }
}
