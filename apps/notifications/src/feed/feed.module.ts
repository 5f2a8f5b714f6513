import { Module } from '@nestjs/common';
import { FeedService } from './application/feed.service';
import { FeedController } from './http/feed.controller';

/** The in-app channel (issue #7, item 3): each person's feed of notices, read marks and the unread count. */
@Module({ controllers: [FeedController], providers: [FeedService] })
export class FeedModule {}
