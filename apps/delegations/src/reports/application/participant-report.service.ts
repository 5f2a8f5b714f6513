import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { writeCsv } from '@twinning/platform-csv';
import { WelfareSettings } from '../../welfare/application/welfare-settings';
import { AGE_BANDS, ageBand, ageOn } from '../../participants/domain/participant-rules';

export const REPORT_DIMENSIONS = ['programmeArea', 'delegation', 'gender', 'ageBand', 'nationality'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export interface ReportGroup { key: string; label: string; count: number }
export interface ParticipantReport {
  organisationId: string;
  asOf: string;
  delegationId: string | null;
  totalParticipants: number;
  overdueCheckIns: { count: number; thresholdHours: number };
  groups: Partial<Record<ReportDimension, ReportGroup[]>>;
}

/**
 * The youth manager's participant report (own organisation only). Who is counted: the organisation's
 * participants (or, with `delegationId`, the members of that delegation). By programme area and by
 * delegation: distinct participants who are members of the organisation's delegations (a participant
 * on two delegations counts once in each; a delegation without programme area is `unspecified`). By
 * gender, age band (age on `asOf`, default today; bands under-12, 12-14, 15-17, 18-25, 26+) and
 * nationality: each participant once. Overdue check-ins: members of the organisation's in-progress
 * delegations whose last check-in on that delegation is older than CHECK_IN_OVERDUE_HOURS (default 24),
 * or who have none yet.
 */
@Injectable()
export class ParticipantReportService {
  constructor(private readonly dataSource: DataSource, private readonly settings: WelfareSettings) {}

  async build(user: AuthenticatedUser, opts: { groupBy?: ReportDimension; delegationId?: string; asOf?: string; now?: Date }): Promise<ParticipantReport> {
    const org = user.organisationId;
    const now = opts.now ?? new Date();
    const asOf = opts.asOf ?? now.toISOString().slice(0, 10);
    const dims = opts.groupBy ? [opts.groupBy] : [...REPORT_DIMENSIONS];
    const delegationFilter = opts.delegationId ?? null;
    const people = (await this.dataSource.query(
      `SELECT p.id, to_char(p.date_of_birth, 'YYYY-MM-DD') AS dob, p.gender, p.nationality FROM participant p
        WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM delegation_member m WHERE m.participant_id = p.id AND m.delegation_id = $2::uuid))`,
      [org, delegationFilter],
    )) as { id: string; dob: string; gender: string; nationality: string }[];

    const groups: ParticipantReport['groups'] = {};
    const tally = (values: string[], labels: (k: string) => string = (k) => k, order?: readonly string[]) => {
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      const keys = order ? order.filter((k) => counts.has(k)) : [...counts.keys()].sort();
      return keys.map((key) => ({ key, label: labels(key), count: counts.get(key)! }));
    };
    for (const dim of dims) {
      if (dim === 'gender') groups.gender = tally(people.map((p) => p.gender));
      if (dim === 'nationality') groups.nationality = tally(people.map((p) => p.nationality));
      if (dim === 'ageBand') groups.ageBand = tally(people.map((p) => ageBand(ageOn(p.dob, asOf))), (k) => k, AGE_BANDS);
      if (dim === 'programmeArea' || dim === 'delegation') {
        const rows = (await this.dataSource.query(
          (dim === 'programmeArea'
            ? `SELECT coalesce(d.programme_area, 'unspecified') AS key, coalesce(d.programme_area, 'unspecified') AS label, count(DISTINCT m.participant_id)::int AS count`
            : `SELECT d.id::text AS key, d.title AS label, count(DISTINCT m.participant_id)::int AS count`)
            + ` FROM delegation d JOIN delegation_member m ON m.delegation_id = d.id JOIN participant p ON p.id = m.participant_id AND p.organisation_id = $1
               WHERE d.organisation_id = $1 AND ($2::uuid IS NULL OR d.id = $2::uuid) GROUP BY 1, 2 ORDER BY 2, 1`,
          [org, delegationFilter],
        )) as ReportGroup[];
        groups[dim] = rows;
      }
    }
    const hours = this.settings.checkInOverdueHours;
    const [{ overdue }] = (await this.dataSource.query(
      `SELECT count(*)::int AS overdue FROM delegation d JOIN delegation_member m ON m.delegation_id = d.id
        WHERE d.organisation_id = $1 AND d.status = 'in-progress' AND ($2::uuid IS NULL OR d.id = $2::uuid)
          AND coalesce((SELECT max(c.checked_at) FROM check_in c WHERE c.delegation_id = d.id AND c.participant_id = m.participant_id), '-infinity'::timestamptz)
              < $3::timestamptz - make_interval(hours => $4::int)`,
      [org, delegationFilter, now, hours],
    )) as { overdue: number }[];
    return { organisationId: org, asOf, delegationId: delegationFilter, totalParticipants: people.length, overdueCheckIns: { count: overdue, thresholdHours: hours }, groups };
  }

  /** The same report as CSV: one row per group (`dimension,key,label,count`), then the totals. */
  toCsv(r: ParticipantReport): string {
    const rows: (string | number)[][] = [];
    for (const dim of REPORT_DIMENSIONS) for (const g of r.groups[dim] ?? []) rows.push([dim, g.key, g.label, g.count]);
    rows.push(['totalParticipants', '', 'participants', r.totalParticipants]);
    rows.push(['overdueCheckIns', '', `members of in-progress delegations with no check-in in ${r.overdueCheckIns.thresholdHours} h`, r.overdueCheckIns.count]);
    return writeCsv(['dimension', 'key', 'label', 'count'], rows);
  }
}
