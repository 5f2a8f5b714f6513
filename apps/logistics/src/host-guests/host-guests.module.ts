import { Module } from '@nestjs/common';
import { MyPlacementsQuery } from './application/my-placements.query';
import { MyPlacementsController } from './http/my-placements.controller';

/** What a host family sees of its guests' logistics (issue #8): confirmed placements with arrival, departure and pickup. */
@Module({
  controllers: [MyPlacementsController],
  providers: [MyPlacementsQuery],
})
export class HostGuestsModule {}
