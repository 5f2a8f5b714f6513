import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DelegationEntity } from '../infrastructure/delegation.entity';

/** Delegations by start date, newest plans first, paged. */
@Injectable()
export class ListDelegationsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(limit: number, offset: number): Promise<{ items: DelegationEntity[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(DelegationEntity).findAndCount({ order: { startDate: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }
}
