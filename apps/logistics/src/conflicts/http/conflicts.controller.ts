import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { ConflictsService } from '../application/conflicts.service';

export class ListConflictsDto {
  @IsOptional() @IsIn(['open', 'resolved', 'all']) status?: 'open' | 'resolved' | 'all';
}

/** `/api/logistics/delegations/:delegationId/conflicts`: what does not fit, for the staff of the owner or a partner (another organisation: 404). */
@Controller('delegations/:delegationId/conflicts')
export class ConflictsController {
  constructor(private readonly conflicts: ConflictsService) {}

  @Get()
  @Roles('coordinator', 'admin', 'youth-manager')
  list(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Query() q: ListConflictsDto) {
    return this.conflicts.list(user, id, q.status ?? 'open');
  }
}
