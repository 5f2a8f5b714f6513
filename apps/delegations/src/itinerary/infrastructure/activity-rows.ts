import { EntityManager } from 'typeorm';

/** An activity row as read (wall-clock times as text). */
export interface ActivityRow {
  id: string;
  delegationId: string;
  title: string;
  venue: string;
  address: string;
  startsLocal: string;
  endsLocal: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  allMembers: boolean;
  attendeeMemberIds: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What the itinerary needs of its delegation (read with SQL: the delegation entity belongs to another feature). */
export interface DelegationFrameRow {
  id: string;
  organisationId: string;
  status: string;
  startDate: string;
  endDate: string;
  hostTimeZone: string;
}

const COLUMNS = `a.id, a.delegation_id AS "delegationId", a.title, a.venue, a.address,
  to_char(a.starts_local, 'YYYY-MM-DD"T"HH24:MI:SS') AS "startsLocal", to_char(a.ends_local, 'YYYY-MM-DD"T"HH24:MI:SS') AS "endsLocal",
  a.time_zone AS "timeZone", a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.all_members AS "allMembers",
  a.attendee_member_ids::text[] AS "attendeeMemberIds", a.created_by AS "createdBy", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

export const FRAME_COLUMNS = `d.id, d.organisation_id AS "organisationId", d.status, to_char(d.start_date, 'YYYY-MM-DD') AS "startDate",
  to_char(d.end_date, 'YYYY-MM-DD') AS "endDate", d.host_time_zone AS "hostTimeZone"`;

/** Plain SQL reads of the itinerary tables. */
export const ActivityRows = {
  async ofDelegation(m: EntityManager, delegationId: string): Promise<ActivityRow[]> {
    return m.query(`SELECT ${COLUMNS} FROM activity a WHERE a.delegation_id = $1 ORDER BY a.starts_at, a.ends_at, a.id`, [delegationId]);
  },

  async one(m: EntityManager, delegationId: string, activityId: string): Promise<ActivityRow | undefined> {
    const rows: ActivityRow[] = await m.query(`SELECT ${COLUMNS} FROM activity a WHERE a.delegation_id = $1 AND a.id = $2`, [delegationId, activityId]);
    return rows[0];
  },

  async memberIds(m: EntityManager, delegationId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM delegation_member WHERE delegation_id = $1`, [delegationId]);
    return rows.map((r) => r.id);
  },

  /** The delegation if the caller's organisation owns it, its row locked for the rest of the transaction. */
  async ownedForUpdate(m: EntityManager, delegationId: string, organisationId: string): Promise<DelegationFrameRow | undefined> {
    const rows: DelegationFrameRow[] = await m.query(`SELECT ${FRAME_COLUMNS} FROM delegation d WHERE d.id = $1 AND d.organisation_id = $2 FOR UPDATE`, [delegationId, organisationId]);
    return rows[0];
  },
};
