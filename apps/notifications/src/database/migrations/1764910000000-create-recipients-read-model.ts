import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recipients read model (issue #7, item 1): who the notifications service may write to and what its messages need,
 * built only from other services' events. `rcp_user` also holds invitees (who have no account yet) under a synthetic id
 * (UUID v5 of their lower-cased email, see recipients/domain/invitee-id.ts). `alert_offer` tracks offers for the
 * reminder job (one reminder per open offer, 24 h before its deadline) and for pairing a re-match's withdrawal with
 * its new offer.
 */
export class CreateRecipientsReadModel1764910000000 implements MigrationInterface {
  name = 'CreateRecipientsReadModel1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rcp_user (
        user_id uuid PRIMARY KEY,
        email text,
        name text,
        language text,
        is_invitee boolean NOT NULL DEFAULT false,
        invited_organisation_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE rcp_organisation (
        organisation_id uuid PRIMARY KEY,
        name text NOT NULL,
        default_language text NOT NULL,
        time_zone text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rcp_membership (
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        roles text[] NOT NULL,
        granted_at timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, user_id)
      )`);
    await q.query(`CREATE INDEX rcp_membership_user ON rcp_membership (user_id)`);
    await q.query(`
      CREATE TABLE rcp_delegation (
        delegation_id uuid PRIMARY KEY,
        organisation_id uuid,
        title text NOT NULL,
        host_city text NOT NULL,
        host_time_zone text,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL,
        created_by_user_id uuid,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rcp_delegation_share (
        delegation_id uuid NOT NULL,
        partner_organisation_id uuid NOT NULL,
        PRIMARY KEY (delegation_id, partner_organisation_id)
      )`);
    await q.query(`
      CREATE TABLE rcp_member (
        member_id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        participant_id uuid NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rcp_participant (
        participant_id uuid PRIMARY KEY,
        given_name text NOT NULL,
        family_name text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rcp_family (
        family_id uuid PRIMARY KEY,
        organisation_id uuid,
        name text NOT NULL,
        host_user_ids uuid[] NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rcp_family_member (
        member_id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        relation text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rcp_placement (
        offer_id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        member_id uuid NOT NULL,
        family_id uuid NOT NULL,
        status text NOT NULL
      )`);
    await q.query(`CREATE INDEX rcp_placement_member ON rcp_placement (member_id)`);
    await q.query(`
      CREATE TABLE rcp_pickup (
        run_id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        member_ids uuid[] NOT NULL,
        airport text NOT NULL,
        meeting_at timestamptz NOT NULL,
        time_zone text NOT NULL,
        driver_name text,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rcp_segment (
        segment_id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        member_ids uuid[] NOT NULL,
        mode text NOT NULL,
        carrier text,
        number text,
        origin text NOT NULL,
        destination text NOT NULL,
        arrival_at timestamptz NOT NULL,
        arrival_time_zone text NOT NULL,
        direction text NOT NULL,
        status text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE alert_offer (
        offer_id uuid PRIMARY KEY,
        delegation_id uuid NOT NULL,
        member_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        family_id uuid NOT NULL,
        organisation_id uuid,
        host_user_ids uuid[] NOT NULL,
        guest_given_name text NOT NULL,
        deadline_at timestamptz NOT NULL,
        origin text NOT NULL,
        status text NOT NULL,
        withdrawal_kind text,
        reminder_sent_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX alert_offer_open ON alert_offer (deadline_at) WHERE status = 'open' AND reminder_sent_at IS NULL`);
    await q.query(`CREATE INDEX alert_offer_member ON alert_offer (member_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['alert_offer', 'rcp_segment', 'rcp_pickup', 'rcp_placement', 'rcp_family_member', 'rcp_family', 'rcp_participant', 'rcp_member', 'rcp_delegation_share', 'rcp_delegation', 'rcp_membership', 'rcp_organisation', 'rcp_user']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
