import { Module } from '@nestjs/common';
import { ManifestsService } from './application/manifests.service';
import { SegmentsService } from './application/segments.service';
import { SegmentsController } from './http/segments.controller';

/** Travel segments with the bundled airport dataset, and arrival and departure manifests (issue #6 items 1 and 2). */
@Module({
  controllers: [SegmentsController],
  providers: [SegmentsService, ManifestsService],
})
export class TravelModule {}
