import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delegations service's programme model (issue #4): partnerships, the full delegation,
 * participants (youth tracking) with guardians and emergency contacts, members, itinerary,
 * check-ins and incidents. Every row belongs to one organisation (organisation_id) and records who
 * created it.
 */
export class CreateProgrammeModel1764500000000 implements MigrationInterface {
  name = 'CreateProgrammeModel1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partnership (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        partner_city text NOT NULL,
        partner_country char(2) NOT NULL,
        partner_time_zone text NOT NULL,
        partner_organisation_id uuid,
        established_on date NOT NULL,
        programme_areas text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dormant', 'ended')),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partnership_organisation_idx ON partnership (organisation_id, partner_city)`);

    await q.query(`ALTER TABLE delegation
      ADD COLUMN partnership_id uuid REFERENCES partnership (id),
      ADD COLUMN direction text NOT NULL DEFAULT 'outbound' CHECK (direction IN ('inbound', 'outbound')),
      ADD COLUMN purpose text NOT NULL DEFAULT '',
      ADD COLUMN programme_area text,
      ADD COLUMN host_time_zone text NOT NULL DEFAULT 'UTC',
      ADD COLUMN minors_per_adult integer NOT NULL DEFAULT 5 CHECK (minors_per_adult BETWEEN 1 AND 20),
      ADD COLUMN cancelled_reason text,
      ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE delegation ADD CONSTRAINT delegation_status_ck CHECK (status IN ('draft', 'planning', 'confirmed', 'in-progress', 'completed', 'cancelled'))`);

    await q.query(`
      CREATE TABLE participant (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        gender text NOT NULL CHECK (gender IN ('female', 'male', 'non-binary', 'undisclosed')),
        languages text[] NOT NULL DEFAULT '{}',
        nationality char(2) NOT NULL,
        dietary_needs text NOT NULL DEFAULT '',
        allergies text NOT NULL DEFAULT '',
        medical_notes text NOT NULL DEFAULT '',
        passport_number text,
        passport_expiry date,
        visa_status text NOT NULL DEFAULT 'not-required' CHECK (visa_status IN ('not-required', 'required', 'applied', 'granted', 'refused')),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX participant_organisation_idx ON participant (organisation_id, family_name, given_name)`);
    await q.query(`
      CREATE TABLE emergency_contact (
        id uuid PRIMARY KEY,
        participant_id uuid NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
        name text NOT NULL,
        relation text NOT NULL,
        phone text NOT NULL,
        email text
      )`);
    await q.query(`CREATE INDEX emergency_contact_participant_idx ON emergency_contact (participant_id)`);
    await q.query(`
      CREATE TABLE guardian (
        id uuid PRIMARY KEY,
        participant_id uuid NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
        name text NOT NULL,
        relation text NOT NULL,
        phone text NOT NULL,
        email text,
        consent_given_at timestamptz,
        consent_scope text,
        consent_expires_on date
      )`);
    await q.query(`CREATE INDEX guardian_participant_idx ON guardian (participant_id)`);

    await q.query(`
      CREATE TABLE delegation_member (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participant (id),
        role text NOT NULL CHECK (role IN ('official', 'delegate', 'student', 'chaperone', 'interpreter')),
        lodging_need text NOT NULL CHECK (lodging_need IN ('homestay', 'hotel', 'none')),
        is_leader boolean NOT NULL DEFAULT false,
        notes text NOT NULL DEFAULT '',
        added_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (delegation_id, participant_id)
      )`);
    await q.query(`CREATE INDEX delegation_member_participant_idx ON delegation_member (participant_id)`);

    await q.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
        title text NOT NULL,
        venue text NOT NULL DEFAULT '',
        address text NOT NULL DEFAULT '',
        starts_local timestamp NOT NULL,
        ends_local timestamp NOT NULL,
        time_zone text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        all_members boolean NOT NULL DEFAULT true,
        attendee_member_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX activity_delegation_idx ON activity (delegation_id, starts_at)`);

    await q.query(`
      CREATE TABLE check_in (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participant (id),
        checked_at timestamptz NOT NULL,
        method text NOT NULL CHECK (method IN ('in-person', 'phone', 'video', 'message')),
        welfare_rating integer NOT NULL CHECK (welfare_rating BETWEEN 1 AND 5),
        notes text NOT NULL DEFAULT '',
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX check_in_participant_idx ON check_in (participant_id, checked_at DESC)`);
    await q.query(`CREATE INDEX check_in_delegation_idx ON check_in (delegation_id, checked_at DESC)`);

    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        delegation_id uuid NOT NULL REFERENCES delegation (id),
        type text NOT NULL CHECK (type IN ('abuse-allegation', 'injury', 'illness', 'missing-person', 'behaviour', 'other')),
        severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        description text NOT NULL,
        participant_ids uuid[] NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        report_due_at timestamptz,
        reported_at timestamptz,
        reported_to text,
        escalated_at timestamptz,
        overdue_raised_at timestamptz,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reported', 'closed')),
        opened_by uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX incident_due_idx ON incident (report_due_at) WHERE reported_at IS NULL AND overdue_raised_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident`);
    await q.query(`DROP TABLE check_in`);
    await q.query(`DROP TABLE activity`);
    await q.query(`DROP TABLE delegation_member`);
    await q.query(`DROP TABLE guardian`);
    await q.query(`DROP TABLE emergency_contact`);
    await q.query(`DROP TABLE participant`);
    await q.query(`ALTER TABLE delegation DROP CONSTRAINT delegation_status_ck`);
    await q.query(`ALTER TABLE delegation DROP COLUMN partnership_id, DROP COLUMN direction, DROP COLUMN purpose, DROP COLUMN programme_area,
      DROP COLUMN host_time_zone, DROP COLUMN minors_per_adult, DROP COLUMN cancelled_reason, DROP COLUMN version`);
    await q.query(`DROP TABLE partnership`);
  }
}
