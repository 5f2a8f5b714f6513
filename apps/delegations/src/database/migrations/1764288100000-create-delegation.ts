import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDelegation1764288100000 implements MigrationInterface {
  name = 'CreateDelegation1764288100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delegation (
        id uuid PRIMARY KEY,
        organisation_id uuid,
        title text NOT NULL,
        host_city text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT delegation_dates_ck CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX delegation_organisation_idx ON delegation (organisation_id, start_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delegation`);
  }
}
