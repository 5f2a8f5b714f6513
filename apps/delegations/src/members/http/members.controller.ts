import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { MembersService } from '../application/members.service';
import { AddMemberDto, UpdateMemberDto } from './member.dto';

/** `/api/delegations/:id/members`: who travels, in what role, sleeping where; with the adult-ratio check. */
@Controller(':id/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Roles('coordinator', 'admin', 'youth-manager')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.members.list(user, id);
  }

  @Post()
  @Roles('coordinator', 'admin')
  add(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddMemberDto) {
    return this.members.add(user, id, body);
  }

  @Patch(':memberId')
  @Roles('coordinator', 'admin')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Param('memberId', new ParseUUIDPipe()) memberId: string, @Body() body: UpdateMemberDto) {
    return this.members.update(user, id, memberId, body);
  }

  @Delete(':memberId')
  @Roles('coordinator', 'admin')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Param('memberId', new ParseUUIDPipe()) memberId: string) {
    await this.members.remove(user, id, memberId);
  }
}
