import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKnownDelegation1764288200000 implements MigrationInterface {
  name = 'CreateKnownDelegation1764288200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_delegation (
        delegation_id uuid PRIMARY KEY,
        organisation_id uuid,
        title text NOT NULL,
        host_city text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL,
        last_event_id uuid NOT NULL,
        correlation_id text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE known_delegation_share (
        delegation_id uuid NOT NULL,
        partner_organisation_id uuid NOT NULL,
        PRIMARY KEY (delegation_id, partner_organisation_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE known_delegation_share`);
    await q.query(`DROP TABLE known_delegation`);
  }
}
