import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AuthenticatedUser, CurrentUser, Public, Roles } from '@twinning/platform-auth';
import { CalendarFeedsService } from '../application/calendar-feeds.service';

export class CreateFeedDto {
  @IsIn(['delegation', 'participant', 'family']) kind!: 'delegation' | 'participant' | 'family';
  /** participant feeds: the member (or participant) id; family feeds: the family id */
  @IsOptional() @IsUUID() subjectId?: string;
}

interface Reply { type(t: string): Reply; setHeader(name: string, value: string): void }

/**
 * `/api/logistics/delegations/:delegationId/calendar-feeds`: coordinators and admins create feeds of any kind; a host
 * creates, sees and revokes the feeds of a family they manage (another family: 404); youth managers see the list.
 */
@Controller('delegations/:delegationId/calendar-feeds')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Post()
  @Roles('coordinator', 'admin', 'host')
  create(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Body() body: CreateFeedDto) {
    return this.feeds.create(user, id, body);
  }

  @Get()
  @Roles('coordinator', 'admin', 'youth-manager', 'host')
  list(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string) {
    return this.feeds.list(user, id);
  }

  @Delete(':feedId')
  @HttpCode(200)
  @Roles('coordinator', 'admin', 'host')
  revoke(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', new ParseUUIDPipe()) id: string, @Param('feedId', new ParseUUIDPipe()) feedId: string) {
    return this.feeds.revoke(user, id, feedId);
  }
}

const TOKEN_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

/** `GET /api/logistics/calendar/<token>.ics`: the feed itself, without login (calendar apps cannot log in); unknown or revoked: 404. */
@Controller('calendar')
export class PublicCalendarController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get(':file')
  @Public()
  async feed(@Param('file') file: string, @Res({ passthrough: true }) res: Reply) {
    const token = TOKEN_FILE.exec(file)?.[1];
    const ics = token ? await this.feeds.render(token) : undefined;
    if (ics === undefined) throw new NotFoundException({ statusCode: 404, code: 'CALENDAR.FEED_NOT_FOUND', message: 'no such calendar feed' });
    res.type('text/calendar; charset=utf-8');
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('content-disposition', 'inline; filename="twinning.ics"');
    return ics;
  }
}
