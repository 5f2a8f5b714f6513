import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The host city's IANA time zone on host matching's read model of delegations (issue #8: an offer's answer deadline
 * is shown in the host city's zone), from `delegation.created` (its optional hostTimeZone) and `delegation.updated`.
 * Nullable: older created events lack it, so a delegation not updated since answers null (clients fall back to their
 * own zone).
 */
export class AddDelegationTimeZone1765000000000 implements MigrationInterface {
  name = 'AddDelegationTimeZone1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hm_delegation ADD COLUMN host_time_zone text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hm_delegation DROP COLUMN host_time_zone`);
  }
}
