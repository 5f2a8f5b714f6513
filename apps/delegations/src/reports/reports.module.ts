import { Module } from '@nestjs/common';
import { WelfareModule } from '../welfare/welfare.module';
import { ParticipantReportService } from './application/participant-report.service';
import { ReportsController } from './http/reports.controller';

@Module({
  imports: [WelfareModule],
  controllers: [ReportsController],
  providers: [ParticipantReportService],
})
export class ReportsModule {}
