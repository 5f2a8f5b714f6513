import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KnownDelegationEntity } from '../infrastructure/known-delegation.entity';

/** `/api/notifications/delegations/:id`: what notifications knows of a delegation (to check the event flow). */
@Controller('delegations')
export class KnownDelegationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<KnownDelegationEntity> {
    const row = await this.dataSource.getRepository(KnownDelegationEntity).findOneBy({ delegationId: id });
    if (!row) throw new NotFoundException({ statusCode: 404, code: 'DELEGATION.UNKNOWN', message: `no event seen yet for delegation ${id}` });
    return row;
  }
}
