import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { ChangeDelegationUseCase } from '../application/change-delegation.use-case';
import { CreateDelegationUseCase } from '../application/create-delegation.use-case';
import { GetDelegationQuery } from '../application/get-delegation.query';
import { ListDelegationsQuery } from '../application/list-delegations.query';
import { ShareDelegationUseCase } from '../application/share-delegation.use-case';
import { CreateDelegationDto } from './create-delegation.dto';
import { delegationView } from './delegation-view';
import { ListDelegationsDto } from './list-delegations.dto';
import { ShareDelegationDto } from './share-delegation.dto';
import { TransitionDto } from './transition.dto';
import { UpdateDelegationDto } from './update-delegation.dto';

/** `/api/delegations`: coordinators plan; youth managers read; hosts see their guests through placements, not here. */
@Controller()
export class DelegationsController {
  constructor(
    private readonly create: CreateDelegationUseCase,
    private readonly get: GetDelegationQuery,
    private readonly list: ListDelegationsQuery,
    private readonly sharing: ShareDelegationUseCase,
    private readonly change: ChangeDelegationUseCase,
  ) {}

  @Get()
  @Roles('coordinator', 'admin', 'youth-manager')
  async listDelegations(@CurrentUser() user: AuthenticatedUser, @Query() query: ListDelegationsDto) {
    const page = await this.list.execute(user, query);
    return { ...page, items: page.items.map(delegationView) };
  }

  @Post()
  @Roles('coordinator', 'admin')
  async createDelegation(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDelegationDto) {
    return delegationView(await this.create.execute({ ...body, organisationId: user.organisationId, createdBy: user.userId }));
  }

  @Get(':id')
  @Roles('coordinator', 'admin', 'youth-manager')
  async getDelegation(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return delegationView(await this.get.execute(user, id));
  }

  /** Edits the plan (409 DELEGATION.DATES_LOCKED once in progress, DELEGATION.CLOSED once completed or cancelled). */
  @Patch(':id')
  @Roles('coordinator', 'admin')
  async updateDelegation(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateDelegationDto) {
    return delegationView(await this.change.update(user, id, body));
  }

  /** Moves the lifecycle: draft → planning → confirmed → in-progress → completed, or cancelled before completed. */
  @Post(':id/transitions')
  @Roles('coordinator', 'admin')
  @HttpCode(200)
  async transition(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: TransitionDto) {
    return delegationView(await this.change.transition(user, id, body.to, body.reason, body.version));
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
