import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { LodgingService } from '../application/lodging.service';
import { CreateHotelStayDto, ListHotelStaysDto, UpdateHotelStayDto } from './lodging.dto';

const delegation = new ParseUUIDPipe();

/**
 * `/api/logistics/delegations/:delegationId/hotel-stays` and `/lodging/nights`: lodging of a delegation the caller's
 * organisation owns or is a partner of (else 404). Coordinators and admins write; youth managers read; hosts 403.
 */
@Controller('delegations/:delegationId')
export class LodgingController {
  constructor(private readonly lodging: LodgingService) {}

  @Get('hotel-stays')
  @Roles('coordinator', 'admin', 'youth-manager')
  list(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Query() q: ListHotelStaysDto) {
    return this.lodging.list(user, id, q);
  }

  @Post('hotel-stays')
  @Roles('coordinator', 'admin')
  create(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Body() body: CreateHotelStayDto) {
    return this.lodging.create(user, id, body);
  }

  @Patch('hotel-stays/:stayId')
  @Roles('coordinator', 'admin')
  update(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Param('stayId', new ParseUUIDPipe()) stayId: string, @Body() body: UpdateHotelStayDto) {
    return this.lodging.update(user, id, stayId, body);
  }

  @Delete('hotel-stays/:stayId')
  @HttpCode(204)
  @Roles('coordinator', 'admin')
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string, @Param('stayId', new ParseUUIDPipe()) stayId: string): Promise<void> {
    await this.lodging.remove(user, id, stayId);
  }

  @Get('lodging/nights')
  @Roles('coordinator', 'admin', 'youth-manager')
  nights(@CurrentUser() user: AuthenticatedUser, @Param('delegationId', delegation) id: string) {
    return this.lodging.nights(user, id);
  }
}
