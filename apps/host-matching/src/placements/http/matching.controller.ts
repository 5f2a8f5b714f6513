import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { MatchingService } from '../application/matching.service';
import { RoomingListService } from '../application/rooming-list.service';
import { roomingListCsv, roomingListHtml } from '../domain/rooming-list';
import { AssignDto, MatchingSettingsDto, ReleaseOffersDto, RoomingListQueryDto, WhyNotQueryDto } from './placements.dto';

interface Reply { type(t: string): Reply; setHeader(name: string, value: string): void }

/**
 * `/api/host-matching/delegations/:delegationId/...`: matching for a delegation of the caller's organisation (another
 * organisation's delegation is 404). Coordinators and admins run matching, release offers and assign by hand; youth
 * managers read.
 */
@Controller('delegations/:delegationId')
export class MatchingController {
  constructor(private readonly matching: MatchingService, private readonly rooming: RoomingListService) {}

  @Get('matching-settings')
  @Roles('coordinator', 'admin', 'youth-manager')
  settings(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string) {
    return this.matching.settings(user, id);
  }

  @Put('matching-settings')
  @Roles('coordinator', 'admin')
  updateSettings(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Body() body: MatchingSettingsDto) {
    return this.matching.updateSettings(user, id, body);
  }

  @Get('guests')
  @Roles('coordinator', 'admin', 'youth-manager')
  guests(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string) {
    return this.matching.guests(user, id);
  }

  @Post('matching-runs')
  @Roles('coordinator', 'admin')
  run(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string) {
    return this.matching.run(user, id);
  }

  @Get('matching-runs')
  @Roles('coordinator', 'admin', 'youth-manager')
  runs(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string) {
    return this.matching.listRuns(user, id);
  }

  @Get('matching-runs/:runId')
  @Roles('coordinator', 'admin', 'youth-manager')
  getRun(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Param('runId', new ParseUUIDPipe()) runId: string) {
    return this.matching.getRun(user, id, runId);
  }

  @Get('why-not')
  @Roles('coordinator', 'admin', 'youth-manager')
  whyNot(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Query() q: WhyNotQueryDto) {
    return this.matching.whyNot(user, id, q.memberId, q.familyId);
  }

  @Post('offers')
  @HttpCode(201)
  @Roles('coordinator', 'admin')
  release(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Body() body: ReleaseOffersDto) {
    return this.matching.release(user, id, body);
  }

  @Post('assignments')
  @Roles('coordinator', 'admin')
  assign(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Body() body: AssignDto) {
    return this.matching.assign(user, id, body);
  }

  @Get('rooming-list')
  @Roles('coordinator', 'admin', 'youth-manager')
  async roomingList(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Query() q: RoomingListQueryDto,
    @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Reply) {
    const list = await this.rooming.build(user, id);
    const format = q.format ?? (/\btext\/csv\b/i.test(accept ?? '') ? 'csv' : /\btext\/html\b/i.test(accept ?? '') ? 'html' : 'json');
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="rooming-list-${id}.csv"`);
      return roomingListCsv(list);
    }
    if (format === 'html') {
      res.type('text/html; charset=utf-8');
      return roomingListHtml(list);
    }
    return list;
  }
}
