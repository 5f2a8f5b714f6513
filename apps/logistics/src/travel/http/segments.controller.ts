import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { ManifestsService } from '../application/manifests.service';
import { SegmentsService } from '../application/segments.service';
import { manifestCsv, manifestHtml, ManifestKind } from '../domain/manifest';
import { BookSegmentDto, CreateSegmentDto, ListSegmentsDto, ManifestQueryDto, UpdateSegmentDto } from './travel.dto';

interface Reply { type(t: string): Reply; setHeader(name: string, value: string): void }

const delegation = new ParseUUIDPipe();

/**
 * `/api/logistics/delegations/:delegationId/segments` and `/manifests`: travel of a delegation the caller's
 * organisation owns or is a partner of (else 404). Coordinators and admins write; youth managers read; hosts 403.
 */
@Controller('delegations/:delegationId')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService, private readonly manifests: ManifestsService) {}

  @Get('segments')
  @Roles('coordinator', 'admin', 'youth-manager')
  list(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Query() q: ListSegmentsDto) {
    return this.segments.list(user, id, q);
  }

  @Post('segments')
  @Roles('coordinator', 'admin')
  create(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Body() body: CreateSegmentDto) {
    return this.segments.create(user, id, body);
  }

  @Get('segments/:segmentId')
  @Roles('coordinator', 'admin', 'youth-manager')
  get(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Param('segmentId', new ParseUUIDPipe()) segmentId: string) {
    return this.segments.get(user, id, segmentId);
  }

  @Patch('segments/:segmentId')
  @Roles('coordinator', 'admin')
  update(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Param('segmentId', new ParseUUIDPipe()) segmentId: string,
    @Body() body: UpdateSegmentDto) {
    return this.segments.update(user, id, segmentId, body);
  }

  @Post('segments/:segmentId/book')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  book(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Param('segmentId', new ParseUUIDPipe()) segmentId: string, @Body() body: BookSegmentDto) {
    return this.segments.book(user, id, segmentId, body);
  }

  @Post('segments/:segmentId/cancel')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  cancel(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Param('segmentId', new ParseUUIDPipe()) segmentId: string) {
    return this.segments.cancel(user, id, segmentId);
  }

  @Get('manifests/arrivals')
  @Roles('coordinator', 'admin', 'youth-manager')
  arrivals(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Query() q: ManifestQueryDto, @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Reply) {
    return this.manifest(user, id, 'arrivals', q, accept, res);
  }

  @Get('manifests/departures')
  @Roles('coordinator', 'admin', 'youth-manager')
  departures(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Query() q: ManifestQueryDto, @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Reply) {
    return this.manifest(user, id, 'departures', q, accept, res);
  }

  private async manifest(user: AuthenticatedUser, id: string, kind: ManifestKind, q: ManifestQueryDto, accept: string | undefined, res: Reply) {
    const m = await this.manifests.build(user, id, kind, q.includeRequested !== 'false');
    const format = q.format ?? (/\btext\/csv\b/i.test(accept ?? '') ? 'csv' : /\btext\/html\b/i.test(accept ?? '') ? 'html' : 'json');
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${kind}-${id}.csv"`);
      return manifestCsv(m);
    }
    if (format === 'html') {
      res.type('text/html; charset=utf-8');
      return manifestHtml(m);
    }
    return m;
  }
}
