import { Module } from '@nestjs/common';
import { ItineraryService } from './application/itinerary.service';
import { ItineraryController } from './http/itinerary.controller';

/** A delegation's itinerary (issue #4, item 3). Imported before DelegationsModule so `:id/itinerary` is routed before `:id`-style catch-alls. */
@Module({
  controllers: [ItineraryController],
  providers: [ItineraryService],
})
export class ItineraryModule {}
