import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Host families and their vetting (issue #5, items 1 and 2): the household profile, its members,
 * background checks per member, home visits and references. Every family belongs to one
 * organisation; `host_user_ids` are the users (role `host`) who manage it. `vetting_eligible` is
 * the last computed eligibility for minors (events are published only when it changes).
 */
export class CreateHostFamilies1764600000000 implements MigrationInterface {
  name = 'CreateHostFamilies1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE host_family (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        name text NOT NULL,
        address text NOT NULL,
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        bedrooms integer NOT NULL CHECK (bedrooms >= 0),
        beds integer NOT NULL CHECK (beds >= 0),
        pets text[] NOT NULL DEFAULT '{}',
        smoking boolean NOT NULL DEFAULT false,
        languages text[] NOT NULL DEFAULT '{}',
        diets text[] NOT NULL DEFAULT '{}',
        interests text[] NOT NULL DEFAULT '{}',
        guest_age_min integer,
        guest_age_max integer,
        guest_gender text NOT NULL DEFAULT 'any' CHECK (guest_gender IN ('female', 'male', 'any')),
        availability jsonb NOT NULL DEFAULT '[]',
        times_hosted integer NOT NULL DEFAULT 0 CHECK (times_hosted >= 0),
        host_user_ids uuid[] NOT NULL DEFAULT '{}',
        vetting_eligible boolean NOT NULL DEFAULT false,
        vetting_evaluated_on date,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (guest_age_min IS NULL OR guest_age_max IS NULL OR guest_age_min <= guest_age_max)
      )`);
    await q.query(`CREATE INDEX host_family_organisation_idx ON host_family (organisation_id, name)`);
    await q.query(`CREATE INDEX host_family_host_users_idx ON host_family USING gin (host_user_ids)`);

    await q.query(`
      CREATE TABLE household_member (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL REFERENCES host_family (id) ON DELETE CASCADE,
        name text NOT NULL,
        date_of_birth date NOT NULL,
        relation text NOT NULL,
        gender text NOT NULL CHECK (gender IN ('female', 'male', 'non-binary', 'undisclosed')),
        position integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX household_member_family_idx ON household_member (family_id, position)`);

    await q.query(`
      CREATE TABLE background_check (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL REFERENCES host_family (id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES household_member (id) ON DELETE CASCADE,
        result text NOT NULL CHECK (result IN ('clear', 'concern')),
        checked_on date NOT NULL,
        expires_on date NOT NULL,
        reminder_sent_at timestamptz,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_on > checked_on)
      )`);
    await q.query(`CREATE INDEX background_check_family_idx ON background_check (family_id, member_id)`);

    await q.query(`
      CREATE TABLE home_visit (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL REFERENCES host_family (id) ON DELETE CASCADE,
        visited_by text NOT NULL,
        visited_on date NOT NULL,
        present text[] NOT NULL DEFAULT '{}',
        notes text,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX home_visit_family_idx ON home_visit (family_id, visited_on)`);

    await q.query(`
      CREATE TABLE family_reference (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL REFERENCES host_family (id) ON DELETE CASCADE,
        name text NOT NULL,
        relation text NOT NULL,
        contact text NOT NULL,
        received_on date NOT NULL,
        notes text,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX family_reference_family_idx ON family_reference (family_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE family_reference');
    await q.query('DROP TABLE home_visit');
    await q.query('DROP TABLE background_check');
    await q.query('DROP TABLE household_member');
    await q.query('DROP TABLE host_family');
  }
}
