import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Authenticated, AuthenticatedUser, CurrentUser } from '@twinning/platform-auth';
import { PageQueryDto } from '@twinning/platform-http';
import { FeedService } from '../application/feed.service';

export class FeedQueryDto extends PageQueryDto {
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true ? true : value === 'false' || value === false ? false : value) @IsBoolean() unreadOnly?: boolean;
}

/** `/api/notifications/me`: the caller's in-app feed (newest first), marking a notice read, the unread count. Any signed-in user, their own only. */
@Controller('me')
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @Get()
  @Authenticated()
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: FeedQueryDto) {
    return this.feed.list(user.userId, q.limit, q.offset, q.unreadOnly ?? false);
  }

  @Get('unread-count')
  @Authenticated()
  async unread(@CurrentUser() user: AuthenticatedUser) {
    return { count: await this.feed.unreadCount(user.userId) };
  }

  @Post(':deliveryId/read')
  @HttpCode(200)
  @Authenticated()
  read(@CurrentUser() user: AuthenticatedUser, @Param('deliveryId', new ParseUUIDPipe()) id: string) {
    return this.feed.markRead(user.userId, id);
  }
}
