import { Module } from '@nestjs/common';
import { PartnershipsService } from './application/partnerships.service';
import { PartnershipsController } from './http/partnerships.controller';

@Module({
  controllers: [PartnershipsController],
  providers: [PartnershipsService],
  exports: [PartnershipsService],
})
export class PartnershipsModule {}
