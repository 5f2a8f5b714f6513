import { Body, Controller, Get, Param, ParseUUIDPipe, Put, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { ChangeMemberRolesUseCase } from '../application/change-member-roles.use-case';
import { GetMeQuery } from '../application/get-me.query';
import { ListMembersQuery } from '../application/list-members.query';
import { ChangeRolesDto } from './change-roles.dto';
import { IdentityErrorFilter } from './identity-error.filter';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('identity')
@UseFilters(IdentityErrorFilter)
export class MembersController {
  constructor(private readonly me: GetMeQuery, private readonly members: ListMembersQuery, private readonly changeRoles: ChangeMemberRolesUseCase) {}

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
}
