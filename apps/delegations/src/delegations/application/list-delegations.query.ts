import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DelegationEntity } from '../infrastructure/delegation.entity';
import { visibleTo } from '../infrastructure/delegation-visibility';
import { DelegationSort } from '../http/list-delegations.dto';

export interface DelegationFilter {
  limit: number;
  offset: number;
  status?: string;
  from?: string;
  to?: string;
  programmeArea?: string;
  partnershipId?: string;
  direction?: string;
  sort?: DelegationSort;
  order?: 'asc' | 'desc';
}

const SORT_COLUMN: Record<DelegationSort, string> = { startDate: 'd.start_date', title: 'd.title', createdAt: 'd.created_at' };

/** The caller's organisation's delegations and those shared with it: filtered, sorted (startDate by default), paged. */
@Injectable()
export class ListDelegationsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, limitOrFilter: number | DelegationFilter, offset = 0): Promise<{ items: DelegationEntity[]; total: number }> {
    const f: DelegationFilter = typeof limitOrFilter === 'number' ? { limit: limitOrFilter, offset } : limitOrFilter;
    const qb = this.dataSource.getRepository(DelegationEntity).createQueryBuilder('d').where('true');
    visibleTo(qb, user.organisationId);
    if (f.status) qb.andWhere('d.status = :status', { status: f.status });
    if (f.from) qb.andWhere('d.end_date >= :from', { from: f.from });
    if (f.to) qb.andWhere('d.start_date <= :to', { to: f.to });
    if (f.programmeArea) qb.andWhere('d.programme_area = :area', { area: f.programmeArea });
    if (f.partnershipId) qb.andWhere('d.partnership_id = :pid', { pid: f.partnershipId });
    if (f.direction) qb.andWhere('d.direction = :dir', { dir: f.direction });
    const order = f.order === 'desc' ? 'DESC' : 'ASC';
    const [items, total] = await qb.orderBy(SORT_COLUMN[f.sort ?? 'startDate'], order).addOrderBy('d.id', order).take(f.limit).skip(f.offset).getManyAndCount();
    return { items, total };
  }
}
