import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Logistics' read model of the other services (issue #6), built from their events: delegations (dates, host zone,
 * status, partners it is shared with), members (role, lodging need), participants (names, birth year, gender, passport
 * expiry), itinerary activities, and host-family placements (the drop-off points and homestay nights).
 */
export class CreateRoster1764800000000 implements MigrationInterface {
  name = 'CreateRoster1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lg_delegation (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        title text NOT NULL,
        host_city text NOT NULL,
        host_time_zone text,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL,
        last_event_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE TABLE lg_delegation_share (delegation_id uuid NOT NULL, organisation_id uuid NOT NULL, PRIMARY KEY (delegation_id, organisation_id))`);
    await q.query(`
      CREATE TABLE lg_member (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        role text NOT NULL,
        lodging_need text NOT NULL,
        is_leader boolean NOT NULL DEFAULT false,
        removed_at timestamptz
      )`);
    await q.query(`CREATE INDEX lg_member_delegation_idx ON lg_member (delegation_id)`);
    await q.query(`
      CREATE TABLE lg_participant (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        birth_year integer NOT NULL,
        gender text NOT NULL,
        passport_expiry date,
        last_event_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE lg_activity (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        starts_local text NOT NULL,
        ends_local text NOT NULL,
        time_zone text NOT NULL,
        removed boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX lg_activity_delegation_idx ON lg_activity (delegation_id, starts_at)`);
    await q.query(`
      CREATE TABLE lg_placement (
        offer_id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        member_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        family_id uuid NOT NULL,
        family_name text NOT NULL,
        address text NOT NULL,
        latitude double precision,
        longitude double precision,
        host_user_ids uuid[] NOT NULL DEFAULT '{}',
        stay_from date NOT NULL,
        stay_to date NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'released')),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX lg_placement_delegation_idx ON lg_placement (delegation_id, status)`);
    await q.query(`CREATE INDEX lg_placement_member_idx ON lg_placement (member_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['lg_placement', 'lg_activity', 'lg_participant', 'lg_member', 'lg_delegation_share', 'lg_delegation']) await q.query(`DROP TABLE ${t}`);
  }
}
