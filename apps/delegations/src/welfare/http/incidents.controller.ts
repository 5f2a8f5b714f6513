import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { IncidentsService } from '../application/incidents.service';
import { ListIncidentsDto, OpenIncidentDto, ReportIncidentDto } from './welfare.dto';

/**
 * `/api/delegations/incidents`: coordinators, youth managers and admins open and list incidents of
 * their organisation's delegations (coordinators without the description); marking one reported and
 * closing it is for youth managers and admins (the safeguarding leads).
 */
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @Roles('coordinator', 'youth-manager', 'admin')
  open(@CurrentUser() user: AuthenticatedUser, @Body() body: OpenIncidentDto) {
    return this.incidents.open(user, body);
  }

  @Get()
  @Roles('coordinator', 'youth-manager', 'admin')
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListIncidentsDto) {
    return this.incidents.list(user, query);
  }

  @Post(':incidentId/report')
  @HttpCode(200)
  @Roles('youth-manager', 'admin')
  report(@CurrentUser() user: AuthenticatedUser, @Param('incidentId', new ParseUUIDPipe()) id: string, @Body() body: ReportIncidentDto) {
    return this.incidents.report(user, id, body);
  }

  @Post(':incidentId/close')
  @HttpCode(200)
  @Roles('youth-manager', 'admin')
  close(@CurrentUser() user: AuthenticatedUser, @Param('incidentId', new ParseUUIDPipe()) id: string) {
    return this.incidents.close(user, id);
  }
}
