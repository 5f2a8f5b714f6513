import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DelegationEntity } from '../infrastructure/delegation.entity';
import { visibleTo } from '../infrastructure/delegation-visibility';

/** The caller's organisation's delegations and those shared with it, by start date, paged. */
@Injectable()
export class ListDelegationsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, limit: number, offset: number): Promise<{ items: DelegationEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(DelegationEntity).createQueryBuilder('d').where('true');
    const [items, total] = await visibleTo(qb, user.organisationId).orderBy('d.start_date', 'ASC').addOrderBy('d.id', 'ASC').take(limit).skip(offset).getManyAndCount();
    return { items, total };
  }
}
