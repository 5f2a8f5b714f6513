import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Travel (issue #6): segments per person or group, airport pickup runs, hotel stays. Times are stored as the UTC
 * instant AND the local wall clock with its IANA zone (an overnight flight or one across the date line stays right).
 */
export class CreateTravel1764810000000 implements MigrationInterface {
  name = 'CreateTravel1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE travel_segment (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        mode text NOT NULL CHECK (mode IN ('flight', 'train', 'bus', 'car')),
        carrier text,
        number text,
        from_code text NOT NULL,
        to_code text NOT NULL,
        departure_at timestamptz NOT NULL,
        departure_local text NOT NULL,
        departure_time_zone text NOT NULL,
        arrival_at timestamptz NOT NULL,
        arrival_local text NOT NULL,
        arrival_time_zone text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('arrival', 'departure', 'other')),
        status text NOT NULL CHECK (status IN ('requested', 'booked', 'cancelled')),
        booking_reference text,
        bags_per_person integer NOT NULL DEFAULT 1,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX travel_segment_delegation_idx ON travel_segment (delegation_id, arrival_at)`);
    await q.query(`CREATE TABLE travel_segment_member (segment_id uuid NOT NULL REFERENCES travel_segment (id) ON DELETE CASCADE, member_id uuid NOT NULL, PRIMARY KEY (segment_id, member_id))`);
    await q.query(`CREATE INDEX travel_segment_member_member_idx ON travel_segment_member (member_id)`);
    await q.query(`
      CREATE TABLE pickup_settings (
        delegation_id uuid PRIMARY KEY,
        window_minutes integer NOT NULL DEFAULT 90,
        buffer_minutes integer NOT NULL DEFAULT 45,
        seats_per_vehicle integer NOT NULL DEFAULT 7,
        luggage_per_vehicle integer NOT NULL DEFAULT 7,
        minors_rule text NOT NULL DEFAULT 'two-adults' CHECK (minors_rule IN ('two-adults', 'hired-service')),
        hotel_name text,
        hotel_address text,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE pickup_run (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        airport text NOT NULL,
        meeting_at timestamptz NOT NULL,
        meeting_local text NOT NULL,
        time_zone text NOT NULL,
        seats integer NOT NULL,
        luggage_capacity integer NOT NULL,
        driver_kind text CHECK (driver_kind IN ('host-family-member', 'volunteer', 'hired-service')),
        driver_name text,
        extra_adults integer NOT NULL DEFAULT 0,
        max_wait_minutes double precision NOT NULL,
        status text NOT NULL CHECK (status IN ('planned', 'cancelled')),
        plan_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX pickup_run_delegation_idx ON pickup_run (delegation_id, status, meeting_at)`);
    await q.query(`
      CREATE TABLE pickup_run_member (
        run_id uuid NOT NULL REFERENCES pickup_run (id) ON DELETE CASCADE,
        member_id uuid NOT NULL,
        segment_id uuid NOT NULL,
        lands_at timestamptz NOT NULL,
        wait_minutes double precision NOT NULL,
        drop_off_kind text NOT NULL CHECK (drop_off_kind IN ('homestay', 'hotel', 'unknown')),
        drop_off_label text NOT NULL,
        drop_off_address text,
        PRIMARY KEY (run_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE hotel_stay (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        member_id uuid NOT NULL,
        hotel text NOT NULL,
        address text,
        room text,
        check_in date NOT NULL,
        check_out date NOT NULL CHECK (check_out > check_in),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX hotel_stay_delegation_idx ON hotel_stay (delegation_id, member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['hotel_stay', 'pickup_run_member', 'pickup_run', 'pickup_settings', 'travel_segment_member', 'travel_segment']) await q.query(`DROP TABLE ${t}`);
  }
}
