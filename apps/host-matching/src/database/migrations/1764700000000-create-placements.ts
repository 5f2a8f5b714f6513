import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching and placements (issue #5, items 3 to 6).
 * - Read models built from the delegations service's events: `hm_delegation` (and the partner organisations it is
 *   shared with, `hm_delegation_share`: the organisation of the host city places guests with its own families), `hm_member` (who needs a
 *   homestay) and `hm_participant` (the restricted matching profile: date of birth, diet, allergies, consent).
 * - `matching_settings` per delegation (venue, distance limit, minors' gender rule, offer deadline, groups).
 * - `matching_run` and its `proposal`s (with the score breakdown, per-rule exclusion counts, explanation).
 * - `offer`: one row per family offered a guest, through its whole life. At most one ACTIVE offer
 *   (offered, accepted, confirmed) per member: a partial unique index, so no race can double-place a guest.
 * - `forbidden_pair`: guest-family pairs a decline, expiry or withdrawal ruled out for the re-match.
 */
export class CreatePlacements1764700000000 implements MigrationInterface {
  name = 'CreatePlacements1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hm_delegation (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        title text NOT NULL,
        host_city text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL,
        created_by_user_id uuid,
        last_event_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX hm_delegation_org_idx ON hm_delegation (organisation_id, start_date)`);
    // partner organisations a delegation is shared with: the host city's organisation places the guests with ITS families
    await q.query(`
      CREATE TABLE hm_delegation_share (
        delegation_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        PRIMARY KEY (delegation_id, organisation_id)
      )`);
    await q.query(`
      CREATE TABLE hm_member (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        role text NOT NULL,
        lodging_need text NOT NULL,
        is_leader boolean NOT NULL DEFAULT false,
        removed_at timestamptz
      )`);
    await q.query(`CREATE INDEX hm_member_delegation_idx ON hm_member (delegation_id)`);
    await q.query(`CREATE INDEX hm_member_participant_idx ON hm_member (participant_id)`);
    await q.query(`
      CREATE TABLE hm_participant (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        gender text NOT NULL,
        languages text[] NOT NULL DEFAULT '{}',
        nationality text NOT NULL,
        diet text[] NOT NULL DEFAULT '{}',
        allergies text[] NOT NULL DEFAULT '{}',
        non_smoking_required boolean NOT NULL DEFAULT false,
        guardian_consent_on_file boolean NOT NULL DEFAULT false,
        guardian_consent_expires_on date,
        last_event_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE matching_settings (
        delegation_id uuid PRIMARY KEY,
        venue_name text,
        venue_latitude double precision,
        venue_longitude double precision,
        max_distance_km double precision NOT NULL DEFAULT 25,
        minors_gender_rule text NOT NULL DEFAULT 'same-gender-host-parent-present',
        offer_response_hours integer NOT NULL DEFAULT 72,
        groups jsonb NOT NULL DEFAULT '[]',
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE matching_run (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('coordinator', 'rematch')),
        started_by uuid,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        guests integer NOT NULL,
        placed integer NOT NULL,
        unplaced integer NOT NULL,
        total_score bigint NOT NULL,
        optimal boolean NOT NULL,
        duration_ms double precision NOT NULL,
        families_considered integer NOT NULL,
        moved integer NOT NULL DEFAULT 0,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX matching_run_delegation_idx ON matching_run (delegation_id, started_at DESC)`);
    await q.query(`
      CREATE TABLE proposal (
        id uuid PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES matching_run (id),
        delegation_id uuid NOT NULL,
        member_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        family_id uuid,
        score integer,
        breakdown jsonb,
        excluded_by_rule jsonb NOT NULL,
        feasible_families integer NOT NULL,
        explanation jsonb,
        status text NOT NULL CHECK (status IN ('proposed', 'released', 'superseded')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX proposal_run_idx ON proposal (run_id)`);
    await q.query(`CREATE INDEX proposal_delegation_idx ON proposal (delegation_id, status)`);
    await q.query(`
      CREATE TABLE offer (
        id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        member_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        family_id uuid NOT NULL REFERENCES host_family (id),
        proposal_id uuid REFERENCES proposal (id),
        origin text NOT NULL CHECK (origin IN ('matching', 'rematch', 'manual')),
        status text NOT NULL CHECK (status IN ('offered', 'accepted', 'confirmed', 'declined', 'expired', 'withdrawn', 'released')),
        deadline_at timestamptz NOT NULL,
        score integer,
        breakdown jsonb,
        broken_rules jsonb NOT NULL DEFAULT '[]',
        override_note text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        responded_at timestamptz,
        responded_by uuid,
        response_reason text,
        confirmed_at timestamptz,
        ended_at timestamptz,
        end_reason text,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX offer_one_active_per_member ON offer (member_id) WHERE status IN ('offered', 'accepted', 'confirmed')`);
    await q.query(`CREATE INDEX offer_family_active_idx ON offer (family_id) WHERE status IN ('offered', 'accepted', 'confirmed')`);
    await q.query(`CREATE INDEX offer_due_idx ON offer (deadline_at) WHERE status = 'offered'`);
    await q.query(`CREATE INDEX offer_delegation_idx ON offer (delegation_id, created_at)`);
    await q.query(`
      CREATE TABLE forbidden_pair (
        member_id uuid NOT NULL,
        family_id uuid NOT NULL,
        delegation_id uuid NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, family_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['forbidden_pair', 'offer', 'proposal', 'matching_run', 'matching_settings', 'hm_participant', 'hm_member', 'hm_delegation_share', 'hm_delegation']) await q.query(`DROP TABLE ${t}`);
  }
}
