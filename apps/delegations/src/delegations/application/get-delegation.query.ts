import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DelegationEntity } from '../infrastructure/delegation.entity';

@Injectable()
export class GetDelegationQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(id: string): Promise<DelegationEntity> {
    const row = await this.dataSource.getRepository(DelegationEntity).findOneBy({ id });
    if (!row) throw new NotFoundException({ statusCode: 404, code: 'DELEGATION.NOT_FOUND', message: `delegation ${id} not found` });
    return row;
  }
}
