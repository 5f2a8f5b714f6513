import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { ChangeMemberRolesUseCase } from '../application/change-member-roles.use-case';
import { DisableAccountUseCase } from '../application/disable-account.use-case';
import { EnableAccountUseCase } from '../application/enable-account.use-case';
import { GetMeQuery } from '../application/get-me.query';
import { ListMembersQuery } from '../application/list-members.query';
import { RemoveMemberUseCase } from '../application/remove-member.use-case';
import { ChangeRolesDto } from './change-roles.dto';
import { IdentityErrorFilter } from './identity-error.filter';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('identity')
@UseFilters(IdentityErrorFilter)
export class MembersController {
  constructor(
    private readonly me: GetMeQuery,
    private readonly members: ListMembersQuery,
    private readonly changeRoles: ChangeMemberRolesUseCase,
    private readonly removeMember: RemoveMemberUseCase,
    private readonly disableAccount: DisableAccountUseCase,
    private readonly enableAccount: EnableAccountUseCase,
  ) {}

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user, the organisation the session acts for, and every membership.' })
  whoAmI(@CurrentUser() user: AuthenticatedUser) {
    return this.me.execute(user);
  }

  @Get('organisations/:orgId/members')
  @Roles('admin')
  @ApiOperation({ summary: 'Members of your organisation and their roles (admin).' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('orgId', new ParseUUIDPipe()) orgId: string) {
    return this.members.execute(user, orgId);
  }

  @Put('organisations/:orgId/members/:userId/roles')
  @Roles('admin')
  @ApiOperation({ summary: 'Set a member\'s roles (admin); 409 IDENTITY.LAST_ADMIN when it would leave no admin.' })
  setRoles(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orgId', new ParseUUIDPipe()) orgId: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: ChangeRolesDto,
  ) {
    return this.changeRoles.execute(user, orgId, userId, body.roles);
  }

  @Delete('organisations/:orgId/members/:userId')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member from your organisation (admin): their sessions there end and their access tokens are refused by every service within seconds; 409 IDENTITY.LAST_ADMIN for the last admin.' })
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('orgId', new ParseUUIDPipe()) orgId: string, @Param('userId', new ParseUUIDPipe()) userId: string): Promise<void> {
    await this.removeMember.execute(user, orgId, userId);
  }

  @Post('organisations/:orgId/members/:userId/disable')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a member\'s account (admin of every organisation it belongs to; not your own): it cannot sign in or refresh, and every session ends.' })
  disable(@CurrentUser() user: AuthenticatedUser, @Param('orgId', new ParseUUIDPipe()) orgId: string, @Param('userId', new ParseUUIDPipe()) userId: string) {
    return this.disableAccount.execute(user, orgId, userId);
  }

  @Post('organisations/:orgId/members/:userId/enable')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Let a disabled account sign in again (the same admins who may disable it).' })
  enable(@CurrentUser() user: AuthenticatedUser, @Param('orgId', new ParseUUIDPipe()) orgId: string, @Param('userId', new ParseUUIDPipe()) userId: string) {
    return this.enableAccount.execute(user, orgId, userId);
  }
}
