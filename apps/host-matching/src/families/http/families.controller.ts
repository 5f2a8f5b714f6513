import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles, writersOf } from '@twinning/platform-auth';
import { FamiliesService } from '../application/families.service';
import { ConfirmHouseholdReviewDto } from './confirm-household-review.dto';
import { VettingService } from '../application/vetting.service';
import { CreateFamilyDto, ListFamiliesDto, RecordCheckDto, RecordHomeVisitDto, RecordReferenceDto, UpdateFamilyDto } from './family.dto';

/**
 * `/api/host-matching/families`: host families of the caller's organisation (others 404). A `host`
 * sees and edits only the families linked to them. Vetting: youth managers, admins and
 * coordinators read it (check results for youth managers and admins only); youth managers and
 * admins record background checks and confirm a household whose members a host or coordinator
 * changed; staff record home visits and references.
 */
@Controller('families')
export class FamiliesController {
  constructor(private readonly families: FamiliesService, private readonly vetting: VettingService) {}

  @Get()
  @Roles('coordinator', 'admin', 'youth-manager', 'host')
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListFamiliesDto) {
    return this.families.list(user, q);
  }

  @Post()
  @Roles('coordinator', 'admin')
  register(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateFamilyDto) {
    return this.families.register(user, body);
  }

  @Get(':familyId')
  @Roles('coordinator', 'admin', 'youth-manager', 'host')
  get(@CurrentUser() user: AuthenticatedUser, @Param('familyId', new ParseUUIDPipe()) id: string) {
    return this.families.get(user, id);
  }

  @Patch(':familyId')
  @Roles('coordinator', 'admin', 'host')
  update(@CurrentUser() user: AuthenticatedUser, @Param('familyId', new ParseUUIDPipe()) id: string, @Body() body: UpdateFamilyDto) {
    return this.families.update(user, id, body);
  }

  @Get(':familyId/vetting')
  @Roles('coordinator', 'admin', 'youth-manager')
  vettingOf(@CurrentUser() user: AuthenticatedUser, @Param('familyId', new ParseUUIDPipe()) id: string) {
    return this.vetting.view(user, id);
  }

  @Post(':familyId/background-checks')
  // who records a check's result is who may read it: the sensitive-fields table decides
  @Roles(...writersOf('backgroundCheckResults'))
  recordCheck(@CurrentUser() user: AuthenticatedUser, @Param('familyId', new ParseUUIDPipe()) id: string, @Body() body: RecordCheckDto) {
    return this.vetting.recordCheck(user, id, body);
  }

  @Post(':familyId/household-review')
  @Roles('youth-manager', 'admin')
  confirmHousehold(@CurrentUser() user: AuthenticatedUser, @Param('familyId', new ParseUUIDPipe()) id: string, @Body() body: ConfirmHouseholdReviewDto) {
    return this.vetting.confirmHousehold(user, id, body);
  }

  @Post(':familyId/home-visits')
  @Roles('coordinator', 'admin', 'youth-manager')
  recordHomeVisit(@CurrentUser() user: AuthenticatedUser, @Param('familyId', new ParseUUIDPipe()) id: string, @Body() body: RecordHomeVisitDto) {
    return this.vetting.recordHomeVisit(user, id, body);
  }

  @Post(':familyId/references')
  @Roles('coordinator', 'admin', 'youth-manager')
  recordReference(@CurrentUser() user: AuthenticatedUser, @Param('familyId', new ParseUUIDPipe()) id: string, @Body() body: RecordReferenceDto) {
    return this.vetting.recordReference(user, id, body);
  }
}
