import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseFilters } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { CreateDelegationUseCase } from '../application/create-delegation.use-case';
import { GetDelegationQuery } from '../application/get-delegation.query';
import { ListDelegationsQuery } from '../application/list-delegations.query';
import { ShareDelegationUseCase } from '../application/share-delegation.use-case';
import { CreateDelegationDto } from './create-delegation.dto';
import { DelegationRuleFilter } from './delegation-rule.filter';
import { ListDelegationsDto } from './list-delegations.dto';
import { ShareDelegationDto } from './share-delegation.dto';

/** `/api/delegations`: coordinators plan; youth managers read; hosts see their guests through placements, not here. */
@Controller()
@UseFilters(DelegationRuleFilter)
export class DelegationsController {
  constructor(
    private readonly create: CreateDelegationUseCase,
    private readonly get: GetDelegationQuery,
    private readonly list: ListDelegationsQuery,
    private readonly sharing: ShareDelegationUseCase,
  ) {}

  @Get()
  @Roles('coordinator', 'admin', 'youth-manager')
  listDelegations(@CurrentUser() user: AuthenticatedUser, @Query() query: ListDelegationsDto) {
    return this.list.execute(user, query.limit, query.offset);
  }

  @Post()
  @Roles('coordinator', 'admin')
  createDelegation(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDelegationDto) {
    return this.create.execute({ ...body, organisationId: user.organisationId, createdBy: user.userId });
  }

  @Get(':id')
  @Roles('coordinator', 'admin', 'youth-manager')
  getDelegation(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.get.execute(user, id);
  }

  @Get(':id/shares')
  @Roles('coordinator', 'admin')
  listShares(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.sharing.list(user, id);
  }

  @Post(':id/shares')
  @Roles('coordinator', 'admin')
  share(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ShareDelegationDto) {
    return this.sharing.share(user, id, body.organisationId);
  }

  @Delete(':id/shares/:organisationId')
  @Roles('coordinator', 'admin')
  @HttpCode(204)
  async unshare(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Param('organisationId', new ParseUUIDPipe()) organisationId: string) {
    await this.sharing.unshare(user, id, organisationId);
  }
}
