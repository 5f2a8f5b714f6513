import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { KnownDelegationEntity } from '../infrastructure/known-delegation.entity';

/**
 * `/api/notifications/delegations/:id`: what notifications knows of a delegation, for its owner's
 * and its partner's coordinators (to check the event flow). Others get 404.
 */
@Controller('delegations')
export class KnownDelegationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id')
  @Roles('coordinator', 'admin')
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<KnownDelegationEntity> {
    const row = await this.dataSource
      .getRepository(KnownDelegationEntity)
      .createQueryBuilder('k')
      .where('k.delegation_id = :id', { id })
      .andWhere(
        '(k.organisation_id = :org OR EXISTS (SELECT 1 FROM known_delegation_share s WHERE s.delegation_id = k.delegation_id AND s.partner_organisation_id = :org))',
        { org: user.organisationId },
      )
      .getOne();
    if (!row) throw new NotFoundException({ statusCode: 404, code: 'DELEGATION.UNKNOWN', message: `no delegation ${id} known here for your organisation` });
    return row;
  }
}
