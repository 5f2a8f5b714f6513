import { EntityManager } from 'typeorm';
import { RosterMember } from '../domain/delegation-lifecycle';

export interface RosterRow extends RosterMember {
  role: string;
  lodgingNeed: string;
  isLeader: boolean;
  notes: string;
  givenName: string;
  familyName: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A delegation's members with what the safeguarding rules need from the participant record: date
 * of birth, and whether a guardian's consent is on file and valid until the visit's last day. Reads
 * the participant and guardian tables directly (same service, same database).
 */
export async function loadRoster(tx: EntityManager, delegationId: string, endDate: string): Promise<RosterRow[]> {
  const rows = await tx.query(
    `SELECT m.id AS "memberId", m.participant_id AS "participantId", m.role, m.lodging_need AS "lodgingNeed", m.is_leader AS "isLeader", m.notes,
            m.created_at AS "createdAt", m.updated_at AS "updatedAt",
            p.given_name AS "givenName", p.family_name AS "familyName", to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
            EXISTS (SELECT 1 FROM guardian g WHERE g.participant_id = p.id AND g.consent_given_at IS NOT NULL
                    AND (g.consent_expires_on IS NULL OR g.consent_expires_on >= $2::date)) AS "hasValidConsent"
       FROM delegation_member m JOIN participant p ON p.id = m.participant_id
      WHERE m.delegation_id = $1
      ORDER BY m.is_leader DESC, p.family_name, p.given_name, m.id`,
    [delegationId, endDate],
  );
  return (rows as Omit<RosterRow, 'name'>[]).map((r) => ({ ...r, name: `${r.givenName} ${r.familyName}` }));
}
