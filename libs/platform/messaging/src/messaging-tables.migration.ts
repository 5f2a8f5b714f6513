import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events waiting to be relayed, with a NOTIFY trigger so the relay wakes at once),
 * the inbox (one row per consumer group and event id: a redelivered event has no second effect)
 * and the dead-letter ledger (one row per consumer group and original offset: a redelivered bad
 * message is dead-lettered once). Every service lists this migration first.
 */
export class CreateMessagingTables1764288000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        value bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox_pending', ''); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    await q.query(`
      CREATE TABLE inbox (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
    await q.query(`
      CREATE TABLE dead_letter (
        consumer_group text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        error_code text NOT NULL,
        error text NOT NULL,
        dead_letter_topic text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, topic, partition, "offset")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letter`);
    await q.query(`DROP TABLE inbox`);
    await q.query(`DROP TRIGGER outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
    await q.query(`DROP TABLE outbox`);
  }
}
