import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DelegationEntity } from '../infrastructure/delegation.entity';
import { visibleTo } from '../infrastructure/delegation-visibility';

/** One delegation, if the caller's organisation owns it or it was shared with it (404 otherwise). */
@Injectable()
export class GetDelegationQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, id: string): Promise<DelegationEntity> {
    const qb = this.dataSource.getRepository(DelegationEntity).createQueryBuilder('d').where('d.id = :id', { id });
    const row = await visibleTo(qb, user.organisationId).getOne();
    if (!row) throw new NotFoundException({ statusCode: 404, code: 'DELEGATION.NOT_FOUND', message: `delegation ${id} not found` });
    return row;
  }
}
