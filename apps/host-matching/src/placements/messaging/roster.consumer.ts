import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  DelegationCreatedV1, DelegationSharedV1, DelegationStatusChangedV1, DelegationUnsharedV1, DelegationUpdatedV1, EventEnvelope, MemberAddedV1, MemberRemovedV1, MemberUpdatedV1, ParticipantMatchingProfileChangedV1, ParticipantMatchingProfileChangedV2, Topics,
} from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { PlacementEngine } from '../application/placement-engine';
import { codedProfile } from '../domain/coded-profile';
import { loadDelegationById, lockDelegation, OfferRow } from '../infrastructure/placement-rows';

/**
 * Host matching's read model of the delegations service: delegations (dates, host city and its time zone, status, who coordinates), their members
 * (who needs a homestay) and the restricted matching profiles of participants. It also applies what those events mean
 * for placements: a cancelled delegation releases every placement and open offer; a member removed, or no longer in
 * a homestay, releases theirs; guardian consent arriving confirms a minor's accepted placement.
 */
@Injectable()
export class RosterConsumer implements EventConsumer {
  readonly groupId = 'host-matching.roster';
  readonly topics = [Topics.delegationEvents, Topics.participantMatchingEvents];
  readonly types = ['delegation.created', 'delegation.shared', 'delegation.unshared', 'delegation.updated', 'delegation.status-changed', 'member.added', 'member.updated', 'member.removed', 'participant.matching-profile-changed'];

  constructor(private readonly engine: PlacementEngine) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const at = new Date(event.occurredAt);
    switch (event.type) {
      case 'delegation.created': {
        const p = event.payload as DelegationCreatedV1;
        await tx.query(
          `INSERT INTO hm_delegation (id, organisation_id, title, host_city, start_date, end_date, status, created_by_user_id, last_event_at, host_time_zone)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
          [p.delegationId, event.organisationId, p.title, p.hostCity, p.startDate, p.endDate, p.status, p.createdByUserId ?? null, at, p.hostTimeZone ?? null],
        );
        return;
      }
      case 'delegation.shared': {
        const p = event.payload as DelegationSharedV1;
        await tx.query(`INSERT INTO hm_delegation_share (delegation_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [p.delegationId, p.partnerOrganisationId]);
        return;
      }
      case 'delegation.unshared': {
        const p = event.payload as DelegationUnsharedV1;
        await tx.query(`DELETE FROM hm_delegation_share WHERE delegation_id = $1 AND organisation_id = $2`, [p.delegationId, p.partnerOrganisationId]);
        return;
      }
      case 'delegation.updated': {
        const p = event.payload as DelegationUpdatedV1;
        await tx.query(`UPDATE hm_delegation SET title = $2, host_city = $3, host_time_zone = $4, start_date = $5, end_date = $6, status = $7, last_event_at = $8 WHERE id = $1 AND last_event_at <= $8`,
          [p.delegationId, p.title, p.hostCity, p.hostTimeZone ?? null, p.startDate, p.endDate, p.status, at]);
        return;
      }
      case 'delegation.status-changed': {
        const p = event.payload as DelegationStatusChangedV1;
        await tx.query(`UPDATE hm_delegation SET status = $2, last_event_at = GREATEST(last_event_at, $3) WHERE id = $1`, [p.delegationId, p.to, at]);
        if (p.to === 'cancelled') {
          await lockDelegation(tx, p.delegationId);
          await this.engine.release(tx, await this.active(tx, 'delegation_id', p.delegationId), 'delegation-cancelled', at);
          await tx.query(`UPDATE proposal SET status = 'superseded' WHERE delegation_id = $1 AND status = 'proposed'`, [p.delegationId]);
        }
        return;
      }
      case 'member.added': {
        const p = event.payload as MemberAddedV1;
        await tx.query(
          `INSERT INTO hm_member (id, delegation_id, participant_id, role, lodging_need, is_leader) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, lodging_need = EXCLUDED.lodging_need, is_leader = EXCLUDED.is_leader, removed_at = NULL`,
          [p.memberId, p.delegationId, p.participantId, p.role, p.lodgingNeed, p.isLeader],
        );
        return;
      }
      case 'member.updated': {
        const p = event.payload as MemberUpdatedV1;
        await tx.query(
          `INSERT INTO hm_member (id, delegation_id, participant_id, role, lodging_need, is_leader) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, lodging_need = EXCLUDED.lodging_need, is_leader = EXCLUDED.is_leader`,
          [p.memberId, p.delegationId, p.participantId, p.role, p.lodgingNeed, p.isLeader],
        );
        if (p.lodgingNeed !== 'homestay') {
          await lockDelegation(tx, p.delegationId);
          await this.engine.release(tx, await this.active(tx, 'member_id', p.memberId), 'lodging-changed', at);
        }
        return;
      }
      case 'member.removed': {
        const p = event.payload as MemberRemovedV1;
        await tx.query(`UPDATE hm_member SET removed_at = $2 WHERE id = $1`, [p.memberId, at]);
        await lockDelegation(tx, p.delegationId);
        await this.engine.release(tx, await this.active(tx, 'member_id', p.memberId), 'member-removed', at);
        return;
      }
      case 'participant.matching-profile-changed': {
        const p = event.payload as ParticipantMatchingProfileChangedV1 | ParticipantMatchingProfileChangedV2;
        const c = codedProfile(event.version, p);
        await tx.query(
          `INSERT INTO hm_participant (id, organisation_id, given_name, family_name, date_of_birth, gender, languages, nationality, diet, diet_note, allergies, allergy_note,
             allergies_need_coding, non_smoking_required, guardian_consent_on_file, guardian_consent_expires_on, last_event_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
           ON CONFLICT (id) DO UPDATE SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name, date_of_birth = EXCLUDED.date_of_birth, gender = EXCLUDED.gender,
             languages = EXCLUDED.languages, nationality = EXCLUDED.nationality, diet = EXCLUDED.diet, diet_note = EXCLUDED.diet_note, allergies = EXCLUDED.allergies,
             allergy_note = EXCLUDED.allergy_note, allergies_need_coding = EXCLUDED.allergies_need_coding,
             non_smoking_required = EXCLUDED.non_smoking_required, guardian_consent_on_file = EXCLUDED.guardian_consent_on_file,
             guardian_consent_expires_on = EXCLUDED.guardian_consent_expires_on, last_event_at = EXCLUDED.last_event_at
           WHERE hm_participant.last_event_at <= EXCLUDED.last_event_at`,
          [p.participantId, event.organisationId, p.givenName, p.familyName, p.dateOfBirth, p.gender, p.languages, p.nationality, c.diet, c.dietNote, c.allergies, c.allergyNote,
            c.allergiesNeedCoding, c.nonSmokingRequired, p.guardianConsentOnFile, p.guardianConsentExpiresOn ?? null, at],
        );
        const waiting = (await tx.query(`SELECT * FROM offer WHERE participant_id = $1 AND status = 'accepted'`, [p.participantId])) as OfferRow[];
        for (const o of waiting) {
          const d = await loadDelegationById(tx, o.delegation_id);
          if (d) {
            await lockDelegation(tx, d.id);
            await this.engine.confirmIfPossible(tx, o, d, at);
          }
        }
        return;
      }
    }
  }

  private async active(tx: EntityManager, column: 'delegation_id' | 'member_id', id: string): Promise<OfferRow[]> {
    return (await tx.query(`SELECT * FROM offer WHERE ${column} = $1 AND status IN ('offered', 'accepted', 'confirmed') FOR UPDATE`, [id])) as OfferRow[];
  }
}
