import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DomainRuleError } from '@twinning/platform-http';
import { loadRuns, loadSegments } from '../../conflicts/infrastructure/conflict-rows';
import { DelegationRecord, loadActivities, loadDelegation, loadMembers } from '../../roster/infrastructure/roster-rows';
import { CalendarEntry, FeedKind, feedEntries, FeedScope, fingerprint, renderCalendar, Revision } from '../domain/calendar-entries';

export class CalendarSettings {
  constructor(readonly publicOrigin: string) {}
}

export const FEED_PATH = '/api/logistics/calendar';

interface FeedRow {
  id: string; delegation_id: string; organisation_id: string; kind: FeedKind; subject_id: string | null; created_by: string; created_at: Date; revoked_at: Date | null; last_fetched_at: Date | null;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const STAFF = new Set(['coordinator', 'admin']);

function feedNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'CALENDAR.FEED_NOT_FOUND', message: `calendar feed ${id} not found` });
}

/**
 * Secret calendar feeds of a delegation (issue #6, item 6). A feed is created by the delegation's coordinators and
 * admins (any kind) or by a host for a family they manage (a family feed only); its URL carries a 256-bit random
 * token of which only the SHA-256 is stored, so the URL is shown once. Revoking it makes the URL answer 404. Feeds
 * belong to the organisation that created them (a partner sees and revokes only its own).
 */
@Injectable()
export class CalendarFeedsService {
  constructor(private readonly dataSource: DataSource, private readonly settings: CalendarSettings) {}

  async create(user: AuthenticatedUser, delegationId: string, body: { kind: FeedKind; subjectId?: string }) {
    const tx = this.dataSource.manager;
    const d = await loadDelegation(tx, user, delegationId);
    const isStaff = user.roles.some((r) => STAFF.has(r));
    let subjectId: string | null = null;
    if (body.kind === 'delegation') {
      if (!isStaff) throw new ForbiddenException({ statusCode: 403, code: 'CALENDAR.FEED_FORBIDDEN', message: 'a host may create a feed for a family they manage only' });
    } else {
      if (!body.subjectId) throw new DomainRuleError('CALENDAR.SUBJECT_REQUIRED', `a ${body.kind} feed names its subject`, 'subjectId');
      if (body.kind === 'participant') {
        if (!isStaff) throw new ForbiddenException({ statusCode: 403, code: 'CALENDAR.FEED_FORBIDDEN', message: 'a host may create a feed for a family they manage only' });
        const [m] = (await tx.query(`SELECT id FROM lg_member WHERE delegation_id = $1 AND removed_at IS NULL AND (id = $2 OR participant_id = $2) LIMIT 1`, [d.id, body.subjectId])) as { id: string }[];
        if (!m) throw new DomainRuleError('CALENDAR.UNKNOWN_PARTICIPANT', `${body.subjectId} is not a member of this delegation`, 'subjectId');
        subjectId = m.id;
      } else {
        const [f] = (await tx.query(`SELECT bool_or($3::uuid = ANY (host_user_ids)) AS hosts FROM lg_placement WHERE delegation_id = $1 AND family_id = $2`,
          [d.id, body.subjectId, user.userId])) as { hosts: boolean | null }[];
        if (!isStaff && !f?.hosts) throw new NotFoundException({ statusCode: 404, code: 'CALENDAR.FAMILY_NOT_FOUND', message: `family ${body.subjectId} not found` });
        if (f?.hosts === null) throw new DomainRuleError('CALENDAR.UNKNOWN_FAMILY', `family ${body.subjectId} hosts nobody of this delegation`, 'subjectId');
        subjectId = body.subjectId;
      }
    }
    const token = randomBytes(32).toString('base64url');
    const id = randomUUID();
    await tx.query(`INSERT INTO calendar_feed (id, delegation_id, organisation_id, kind, subject_id, token_sha256, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, d.id, user.organisationId, body.kind, subjectId, sha256(token), user.userId]);
    const path = `${FEED_PATH}/${token}.ics`;
    return { id, kind: body.kind, subjectId, url: `${this.settings.publicOrigin}${path}`, path };
  }

  /** The caller's organisation's feeds of the delegation (never the token); a host sees the feeds of the families they manage. */
  async list(user: AuthenticatedUser, delegationId: string) {
    const d = await loadDelegation(this.dataSource.manager, user, delegationId);
    const rows = (await this.dataSource.query(`SELECT * FROM calendar_feed WHERE delegation_id = $1 AND organisation_id = $2 ORDER BY created_at, id`, [d.id, user.organisationId])) as FeedRow[];
    const mine = await this.visibleTo(user, d.id, rows);
    return { delegationId: d.id, items: mine.map(view) };
  }

  async revoke(user: AuthenticatedUser, delegationId: string, feedId: string) {
    const d = await loadDelegation(this.dataSource.manager, user, delegationId);
    const rows = (await this.dataSource.query(`SELECT * FROM calendar_feed WHERE id = $1 AND delegation_id = $2 AND organisation_id = $3`, [feedId, d.id, user.organisationId])) as FeedRow[];
    const [feed] = await this.visibleTo(user, d.id, rows);
    if (!feed) throw feedNotFound(feedId);
    // an UPDATE ... RETURNING answers [rows, count] through TypeORM's postgres driver
    const [rows2] = (await this.dataSource.query(`UPDATE calendar_feed SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING *`, [feed.id])) as [FeedRow[], number];
    return view(rows2[0]);
  }

  /** The iCalendar text behind a token, or undefined for an unknown or revoked one. */
  async render(token: string): Promise<string | undefined> {
    return this.dataSource.transaction(async (tx) => {
      const [feed] = (await tx.query(`UPDATE calendar_feed SET last_fetched_at = now() WHERE token_sha256 = $1 AND revoked_at IS NULL RETURNING *`, [sha256(token)])) as [FeedRow[], number];
      const row = feed?.[0];
      if (!row) return undefined;
      // a feed lives only as long as its organisation may see the delegation (a partner it is no longer shared with: 404)
      const d = await loadDelegation(tx, { organisationId: row.organisation_id }, row.delegation_id).catch(() => undefined);
      if (!d) return undefined;
      const scope = await this.scopeOf(tx, row);
      const entries = feedEntries(await this.input(tx, d), scope);
      const revisions = await this.revise(tx, row.id, entries);
      const name = row.kind === 'delegation' ? d.title : row.kind === 'participant' ? `${d.title}: ${await this.memberName(tx, row.subject_id!)}` : `${d.title}: your guests`;
      return renderCalendar(name, entries, revisions, new Date());
    });
  }

  private async visibleTo(user: AuthenticatedUser, delegationId: string, rows: FeedRow[]): Promise<FeedRow[]> {
    if (user.roles.some((r) => STAFF.has(r) || r === 'youth-manager')) return rows;
    const hosted = (await this.dataSource.query(`SELECT DISTINCT family_id FROM lg_placement WHERE delegation_id = $1 AND $2::uuid = ANY (host_user_ids)`, [delegationId, user.userId])) as { family_id: string }[];
    const families = new Set(hosted.map((h) => h.family_id));
    return rows.filter((r) => r.kind === 'family' && r.subject_id && families.has(r.subject_id));
  }

  private async scopeOf(tx: EntityManager, row: FeedRow): Promise<FeedScope> {
    if (row.kind === 'delegation') return { kind: 'delegation' };
    if (row.kind === 'participant') return { kind: 'participant', memberId: row.subject_id! };
    const guests = (await tx.query(`SELECT DISTINCT member_id FROM lg_placement WHERE delegation_id = $1 AND family_id = $2 AND status = 'confirmed'`, [row.delegation_id, row.subject_id])) as { member_id: string }[];
    return { kind: 'family', memberIds: guests.map((g) => g.member_id) };
  }

  private async input(tx: EntityManager, d: DelegationRecord) {
    const runs = await loadRuns(tx, d.id);
    const drops = (await tx.query(`SELECT rm.run_id, rm.member_id, rm.drop_off_label FROM pickup_run_member rm JOIN pickup_run r ON r.id = rm.run_id WHERE r.delegation_id = $1`, [d.id])) as
      { run_id: string; member_id: string; drop_off_label: string }[];
    const offers = (await tx.query(`SELECT offer_id AS "offerId", guest_given_name AS "guestGivenName", deadline_at AS "deadlineAt" FROM lg_offer WHERE delegation_id = $1 AND status = 'offered' ORDER BY deadline_at, offer_id`,
      [d.id])) as { offerId: string; guestGivenName: string; deadlineAt: Date }[];
    return {
      delegation: { id: d.id, title: d.title, hostTimeZone: d.hostTimeZone },
      members: await loadMembers(tx, d),
      activities: await loadActivities(tx, d.id),
      segments: await loadSegments(tx, d.id),
      runs: runs.map((r) => ({ ...r, dropOffs: drops.filter((x) => x.run_id === r.id).map((x) => ({ memberId: x.member_id, label: x.drop_off_label })) })),
      offers,
    };
  }

  /** Records each entry's fingerprint per feed (feeds show an event differently: a family sees only its guests); a changed one gets SEQUENCE + 1 and LAST-MODIFIED now (the first sighting is SEQUENCE 0). */
  private async revise(tx: EntityManager, feedId: string, entries: CalendarEntry[]): Promise<Map<string, Revision>> {
    const out = new Map<string, Revision>();
    for (const e of entries) {
      const [r] = (await tx.query(
        `INSERT INTO calendar_event_revision (feed_id, uid, fingerprint, sequence, last_modified) VALUES ($1, $2, $3, 0, now())
         ON CONFLICT (feed_id, uid) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
           sequence = calendar_event_revision.sequence + CASE WHEN calendar_event_revision.fingerprint = EXCLUDED.fingerprint THEN 0 ELSE 1 END,
           last_modified = CASE WHEN calendar_event_revision.fingerprint = EXCLUDED.fingerprint THEN calendar_event_revision.last_modified ELSE now() END
         RETURNING sequence, last_modified`,
        [feedId, e.uid, fingerprint(e)],
      )) as { sequence: number; last_modified: Date }[];
      out.set(e.uid, { sequence: r.sequence, lastModified: r.last_modified });
    }
    return out;
  }

  private async memberName(tx: EntityManager, memberId: string): Promise<string> {
    const [m] = (await tx.query(`SELECT p.given_name, p.family_name FROM lg_member m LEFT JOIN lg_participant p ON p.id = m.participant_id WHERE m.id = $1`, [memberId])) as
      { given_name: string | null; family_name: string | null }[];
    return [m?.given_name, m?.family_name].filter(Boolean).join(' ') || 'participant';
  }
}

function view(r: FeedRow) {
  return { id: r.id, kind: r.kind, subjectId: r.subject_id, createdBy: r.created_by, createdAt: r.created_at, revokedAt: r.revoked_at, lastFetchedAt: r.last_fetched_at, active: !r.revoked_at };
}
