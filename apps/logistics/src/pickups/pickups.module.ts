import { Module } from '@nestjs/common';
import { PickupPlanner } from './application/pickup-planner';
import { PickupsService } from './application/pickups.service';
import { PickupsController } from './http/pickups.controller';

/** Airport pickups (issue #6, item 3): runs per airport, drivers, safeguarding, re-planning on every relevant change. */
@Module({
  controllers: [PickupsController],
  providers: [PickupPlanner, PickupsService],
  exports: [PickupPlanner],
})
export class PickupsModule {}
