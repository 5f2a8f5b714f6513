import { Module } from '@nestjs/common';
import { CheckInsService } from './application/check-ins.service';
import { IncidentsService } from './application/incidents.service';
import { WelfareSettings } from './application/welfare-settings';
import { CheckInsController } from './http/check-ins.controller';
import { IncidentsController } from './http/incidents.controller';

@Module({
  controllers: [IncidentsController, CheckInsController],
  providers: [CheckInsService, IncidentsService, { provide: WelfareSettings, useFactory: () => new WelfareSettings() }],
  exports: [WelfareSettings, IncidentsService],
})
export class WelfareModule {}
