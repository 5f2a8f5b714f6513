import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change of a household's members (who, when, the members before and after, what the vetting gate reads of
 * it), and the review of those that need one: a change by a host or a coordinator keeps the family from hosting
 * minors until a youth manager or an admin confirms the household (`reviewed_by`, `reviewed_at`, `review_note`).
 * Kept after the review, so the record of both stays.
 */
export class AddHouseholdChanges1766700000000 implements MigrationInterface {
  name = 'AddHouseholdChanges1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE household_change (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL REFERENCES host_family (id) ON DELETE CASCADE,
        changed_by uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        added uuid[] NOT NULL DEFAULT '{}',
        removed uuid[] NOT NULL DEFAULT '{}',
        birth_date_changed uuid[] NOT NULL DEFAULT '{}',
        needs_review boolean NOT NULL,
        reviewed_by uuid,
        reviewed_at timestamptz,
        review_note text,
        CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
      )`);
    await q.query(`CREATE INDEX household_change_family_idx ON household_change (family_id, changed_at DESC)`);
    await q.query(`CREATE INDEX household_change_pending_idx ON household_change (family_id) WHERE needs_review AND reviewed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE household_change`);
  }
}
