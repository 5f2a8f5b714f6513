import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Problems folded per (recipient, delegation) and window: an email of a foldable type waits until `fold_until` (the
 * close of the window the first pending problem opened) and is then sent alone or listed in one `problems-folded`
 * email. `fold_item` names what it is about (a conflict id) so a problem resolved meanwhile is withdrawn before it is
 * sent; `summary` is its one line in a folded message or a digest.
 */
export class ProblemFolds1766800000000 implements MigrationInterface {
  name = 'ProblemFolds1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery ADD COLUMN fold_until timestamptz, ADD COLUMN fold_item text, ADD COLUMN summary text`);
    // the fold job's groups and the enqueue's look-up of the window already open
    await q.query(`CREATE INDEX delivery_fold_pending ON delivery (recipient_user_id, delegation_id, fold_until)
      WHERE channel = 'email' AND status = 'queued' AND fold_until IS NOT NULL`);
    await q.query(`CREATE INDEX delivery_fold_item ON delivery (fold_item) WHERE channel = 'email' AND status = 'queued' AND fold_item IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX delivery_fold_item`);
    await q.query(`DROP INDEX delivery_fold_pending`);
    // a fold still pending is released to the sender as it is, so no accepted notification is lost
    await q.query(`UPDATE delivery SET digest_day = NULL, next_attempt_at = now() WHERE fold_until IS NOT NULL AND status = 'queued'`);
    await q.query(`ALTER TABLE delivery DROP COLUMN summary, DROP COLUMN fold_item, DROP COLUMN fold_until`);
  }
}
