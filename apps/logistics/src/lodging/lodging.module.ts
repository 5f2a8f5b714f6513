import { Module } from '@nestjs/common';
import { LodgingService } from './application/lodging.service';
import { LodgingController } from './http/lodging.controller';

/** Hotel stays, homestays from confirmed placements, and the night-by-night view (issue #6 item 4). */
@Module({
  controllers: [LodgingController],
  providers: [LodgingService],
})
export class LodgingModule {}
