import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDelegation1764288100000 implements MigrationInterface {
  name = 'CreateDelegation1764288100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delegation (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        title text NOT NULL,
        host_city text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT delegation_dates_ck CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX delegation_organisation_idx ON delegation (organisation_id, start_date)`);
    await q.query(`
      CREATE TABLE delegation_share (
        delegation_id uuid NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
        partner_organisation_id uuid NOT NULL,
        shared_by uuid NOT NULL,
        shared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (delegation_id, partner_organisation_id)
      )`);
    await q.query(`CREATE INDEX delegation_share_partner_idx ON delegation_share (partner_organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delegation_share`);
    await q.query(`DROP TABLE delegation`);
  }
}
