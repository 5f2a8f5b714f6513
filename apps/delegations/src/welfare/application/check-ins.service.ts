import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { ListCheckInsDto, RecordCheckInDto } from '../http/welfare.dto';
import { assertMembers, assertNotInTheFuture, ownedDelegation } from './owned-delegation';

/** A welfare rating at or below this raises `welfare.alert-raised`. */
export const POOR_WELFARE_RATING = 2;

interface CheckInRow { id: string; delegation_id: string; participant_id: string; checked_at: Date; method: string; welfare_rating: number; notes: string; recorded_by: string; created_at: Date }

const view = (r: CheckInRow) => ({
  id: r.id, delegationId: r.delegation_id, participantId: r.participant_id, checkedAt: r.checked_at, method: r.method, welfareRating: r.welfare_rating,
  notes: r.notes, recordedBy: r.recorded_by, createdAt: r.created_at, alertRaised: r.welfare_rating <= POOR_WELFARE_RATING,
});

/** Check-ins on members during a visit, by the owning organisation's staff. */
@Injectable()
export class CheckInsService {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async record(user: AuthenticatedUser, delegationId: string, dto: RecordCheckInDto) {
    const id = randomUUID();
    const checkedAt = dto.checkedAt ? new Date(dto.checkedAt) : new Date();
    assertNotInTheFuture(checkedAt, 'checkedAt');
    return this.dataSource.transaction(async (tx) => {
      const d = await ownedDelegation(tx, user.organisationId, delegationId);
      await assertMembers(tx, delegationId, [dto.participantId], 'participantId');
      const [row] = (await tx.query(
        `INSERT INTO check_in (id, delegation_id, participant_id, checked_at, method, welfare_rating, notes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [id, delegationId, dto.participantId, checkedAt, dto.method, dto.welfareRating, dto.notes ?? '', user.userId],
      )) as CheckInRow[];
      const common = { checkInId: id, delegationId, participantId: dto.participantId, checkedAt: checkedAt.toISOString(), welfareRating: dto.welfareRating, recordedByUserId: user.userId };
      await this.outbox.append(tx, { type: 'check-in.recorded', version: 1, aggregateId: dto.participantId, organisationId: d.organisation_id, payload: { ...common, method: dto.method } });
      if (dto.welfareRating <= POOR_WELFARE_RATING) {
        await this.outbox.append(tx, { type: 'welfare.alert-raised', version: 1, aggregateId: dto.participantId, organisationId: d.organisation_id, payload: common });
      }
      return view(row);
    });
  }

  async list(user: AuthenticatedUser, delegationId: string, q: ListCheckInsDto) {
    await ownedDelegation(this.dataSource.manager, user.organisationId, delegationId);
    const params: unknown[] = [delegationId];
    let where = 'delegation_id = $1';
    if (q.participantId) {
      params.push(q.participantId);
      where += ' AND participant_id = $2';
    }
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM check_in WHERE ${where}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(`SELECT * FROM check_in WHERE ${where} ORDER BY checked_at DESC, id LIMIT ${q.limit} OFFSET ${q.offset}`, params)) as CheckInRow[];
    return { items: rows.map(view), total, limit: q.limit, offset: q.offset };
  }
}
