import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conflicts and calendar feeds (issue #6, items 5 and 6): the conflicts of each delegation (open while they hold; a
 * key is open at most once per delegation, a re-appearing conflict is a new row), open host offers (their deadlines
 * go into the delegation's feed), the feeds (only the SHA-256 of each secret token is stored) and the revision of
 * every event each feed has shown (SEQUENCE and LAST-MODIFIED move when its content changes).
 */
export class CreateConflictsCalendar1764840000000 implements MigrationInterface {
  name = 'CreateConflictsCalendar1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conflict (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        key text NOT NULL,
        kind text NOT NULL,
        member_id uuid,
        run_id uuid,
        message text NOT NULL,
        raised_at timestamptz NOT NULL,
        resolved_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX conflict_open_key_idx ON conflict (delegation_id, key) WHERE resolved_at IS NULL`);
    await q.query(`CREATE INDEX conflict_delegation_idx ON conflict (delegation_id, raised_at)`);
    await q.query(`
      CREATE TABLE lg_offer (
        offer_id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        member_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        family_id uuid NOT NULL,
        host_user_ids uuid[] NOT NULL DEFAULT '{}',
        guest_given_name text NOT NULL,
        deadline_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'expired', 'withdrawn')),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX lg_offer_delegation_idx ON lg_offer (delegation_id, status)`);
    await q.query(`
      CREATE TABLE calendar_feed (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('delegation', 'participant', 'family')),
        subject_id uuid,
        token_sha256 text NOT NULL UNIQUE,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_fetched_at timestamptz
      )`);
    await q.query(`CREATE INDEX calendar_feed_delegation_idx ON calendar_feed (delegation_id, organisation_id)`);
    await q.query(`
      CREATE TABLE calendar_event_revision (
        feed_id uuid NOT NULL REFERENCES calendar_feed (id) ON DELETE CASCADE,
        uid text NOT NULL,
        fingerprint text NOT NULL,
        sequence integer NOT NULL DEFAULT 0,
        last_modified timestamptz NOT NULL,
        PRIMARY KEY (feed_id, uid)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['calendar_event_revision', 'calendar_feed', 'lg_offer', 'conflict']) await q.query(`DROP TABLE ${t}`);
  }
}
