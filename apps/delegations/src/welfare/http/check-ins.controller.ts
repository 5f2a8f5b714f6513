import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { CheckInsService } from '../application/check-ins.service';
import { ListCheckInsDto, RecordCheckInDto } from './welfare.dto';

/** `/api/delegations/:id/check-ins`: welfare check-ins on members during a visit (the owning organisation's staff). */
@Controller(':id/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post()
  @Roles('coordinator', 'youth-manager', 'admin')
  record(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordCheckInDto) {
    return this.checkIns.record(user, id, body);
  }

  @Get()
  @Roles('coordinator', 'youth-manager', 'admin')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListCheckInsDto) {
    return this.checkIns.list(user, id, query);
  }
}
