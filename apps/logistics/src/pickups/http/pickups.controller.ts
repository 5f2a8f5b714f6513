import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { PickupsService } from '../application/pickups.service';
import { pickupSheetCsv, pickupSheetHtml } from '../domain/pickup-sheet';
import { PickupSettingsDto, RunsQueryDto, SheetQueryDto, UpdateRunDto } from './pickups.dto';

interface Reply { type(t: string): Reply; setHeader(name: string, value: string): void }

/**
 * `/api/logistics/delegations/:delegationId/pickups/...`: airport pickups of a delegation owned by or shared with the
 * caller's organisation (else 404). Coordinators and admins plan and assign drivers; youth managers read.
 */
@Controller('delegations/:delegationId/pickups')
export class PickupsController {
  constructor(private readonly pickups: PickupsService) {}

  @Get('settings')
  @Roles('coordinator', 'admin', 'youth-manager')
  settings(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string) {
    return this.pickups.settings(user, id);
  }

  @Put('settings')
  @Roles('coordinator', 'admin')
  updateSettings(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Body() body: PickupSettingsDto) {
    return this.pickups.updateSettings(user, id, body);
  }

  @Post('plan')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  plan(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string) {
    return this.pickups.plan(user, id);
  }

  @Get('runs')
  @Roles('coordinator', 'admin', 'youth-manager')
  runs(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Query() q: RunsQueryDto) {
    return this.pickups.runs(user, id, q.includeCancelled === 'true');
  }

  @Patch('runs/:runId')
  @Roles('coordinator', 'admin')
  updateRun(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Param('runId', new ParseUUIDPipe()) runId: string,
    @Body() body: UpdateRunDto) {
    return this.pickups.updateRun(user, id, runId, body);
  }

  @Get('sheet')
  @Roles('coordinator', 'admin', 'youth-manager')
  async sheet(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Query() q: SheetQueryDto, @Res({ passthrough: true }) res: Reply) {
    const sheet = await this.pickups.sheet(user, id);
    if (q.format === 'json') return sheet;
    if (q.format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="pickups-${id}.csv"`);
      return pickupSheetCsv(sheet);
    }
    res.type('text/html; charset=utf-8');
    return pickupSheetHtml(sheet);
  }
}
