import { Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { ListAuditEntriesQuery } from '../application/list-audit-entries.query';
import { ListAuditDto } from './list-audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('identity')
export class AuditController {
  constructor(private readonly entries: ListAuditEntriesQuery) {}

  @Get('audit')
  @Roles('admin')
  @ApiOperation({ summary: 'The audit trail of your organisation (admin): who changed what, when, with which correlation id. Newest first.' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListAuditDto) {
    return this.entries.execute(user.organisationId, query);
  }

  @Get('organisations/:orgId/audit')
  @Roles('admin')
  @ApiOperation({ summary: 'The same, naming the organisation; 403 for any organisation but the one your session acts for.' })
  listFor(@CurrentUser() user: AuthenticatedUser, @Param('orgId', new ParseUUIDPipe()) orgId: string, @Query() query: ListAuditDto) {
    if (orgId !== user.organisationId) throw new ForbiddenException({ statusCode: 403, code: 'IDENTITY.OTHER_ORGANISATION', message: ['your session acts for another organisation'] });
    return this.entries.execute(orgId, query);
  }
}
