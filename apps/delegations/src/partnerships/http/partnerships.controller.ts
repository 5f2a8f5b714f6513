import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { PartnershipsService } from '../application/partnerships.service';
import { CreatePartnershipDto, ListPartnershipsDto, UpdatePartnershipDto } from './partnership.dto';

/** `/api/delegations/partnerships`: an organisation's partner cities (its own only; others get 404). */
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Get()
  @Roles('coordinator', 'admin', 'youth-manager')
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListPartnershipsDto) {
    return this.partnerships.list(user, q);
  }

  @Post()
  @Roles('coordinator', 'admin')
  register(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePartnershipDto) {
    return this.partnerships.register(user, body);
  }

  @Get(':partnershipId')
  @Roles('coordinator', 'admin', 'youth-manager')
  get(@CurrentUser() user: AuthenticatedUser, @Param('partnershipId', new ParseUUIDPipe()) id: string) {
    return this.partnerships.get(user, id);
  }

  @Patch(':partnershipId')
  @Roles('coordinator', 'admin')
  update(@CurrentUser() user: AuthenticatedUser, @Param('partnershipId', new ParseUUIDPipe()) id: string, @Body() body: UpdatePartnershipDto) {
    return this.partnerships.update(user, id, body);
  }
}
