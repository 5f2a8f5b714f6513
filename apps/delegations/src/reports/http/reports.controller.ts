import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '@twinning/platform-http';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { ParticipantReportService, REPORT_DIMENSIONS, ReportDimension } from '../application/participant-report.service';

interface Reply { type(t: string): Reply; setHeader(name: string, value: string): void }

export class ParticipantReportQuery {
  /** One dimension; all of them when absent. */
  @IsOptional() @IsIn(REPORT_DIMENSIONS) groupBy?: ReportDimension;
  @IsOptional() @IsUUID() delegationId?: string;
  /** Age bands are computed on this date (YYYY-MM-DD), default today. */
  @IsOptional() @IsCalendarDate() asOf?: string;
  /** `csv` (or `Accept: text/csv`) for CSV; JSON otherwise. */
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

/** `/api/delegations/reports/...`: youth managers and admins of the organisation. */
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ParticipantReportService) {}

  @Get('participants')
  @Roles('youth-manager', 'admin')
  async participants(@CurrentUser() user: AuthenticatedUser, @Query() q: ParticipantReportQuery, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Reply) {
    const report = await this.reports.build(user, { groupBy: q.groupBy, delegationId: q.delegationId, asOf: q.asOf });
    const csv = q.format === 'csv' || (q.format !== 'json' && /\btext\/csv\b/i.test(accept ?? ''));
    if (!csv) return report;
    res.type('text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="participants-report.csv"');
    return this.reports.toCsv(report);
  }
}
