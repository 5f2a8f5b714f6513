import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries (one row per event, recipient and channel; the unique key makes a redelivered event a no-op) and
 * the users' notification preferences (opted-out categories).
 */
export class CreateDelivery1764900000000 implements MigrationInterface {
  name = 'CreateDelivery1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delivery (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        recipient_user_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'in-app')),
        type text NOT NULL,
        category text NOT NULL,
        organisation_id uuid,
        delegation_id uuid,
        subject_id text,
        locale text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        html text NOT NULL,
        email_to text,
        link text,
        due_at timestamptz,
        status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'skipped', 'digested', 'read')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz,
        digest_day date,
        digest_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        read_at timestamptz,
        CONSTRAINT delivery_once UNIQUE (event_id, recipient_user_id, channel)
      )`);
    // the sender's claim query, the digest's, the feed's and the log's
    await q.query(`CREATE INDEX delivery_email_due ON delivery (next_attempt_at) WHERE channel = 'email' AND status = 'queued' AND digest_day IS NULL`);
    await q.query(`CREATE INDEX delivery_digest_pending ON delivery (recipient_user_id, digest_day) WHERE channel = 'email' AND status = 'queued' AND digest_day IS NOT NULL`);
    await q.query(`CREATE INDEX delivery_feed ON delivery (recipient_user_id, created_at DESC) WHERE channel = 'in-app'`);
    await q.query(`CREATE INDEX delivery_log ON delivery (organisation_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY,
        opt_outs text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE delivery`);
  }
}
