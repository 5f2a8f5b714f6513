import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { OffersService } from '../application/offers.service';
import { DeclineDto, ListOffersDto, WithdrawDto } from './placements.dto';

/**
 * `/api/host-matching/offers`: a host sees and answers the offers made to a family they manage (any other is 404);
 * the organisation's staff see all of its offers, and coordinators and admins may answer for a host (a phone call).
 */
@Controller('offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @Roles('host', 'coordinator', 'admin', 'youth-manager')
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListOffersDto) {
    return this.offers.list(user, q);
  }

  @Get(':offerId')
  @Roles('host', 'coordinator', 'admin', 'youth-manager')
  get(@CurrentUser() user: AuthenticatedUser, @Param('offerId', new ParseUUIDPipe()) id: string) {
    return this.offers.get(user, id);
  }

  @Post(':offerId/accept')
  @HttpCode(200)
  @Roles('host', 'coordinator', 'admin')
  accept(@CurrentUser() user: AuthenticatedUser, @Param('offerId', new ParseUUIDPipe()) id: string) {
    return this.offers.accept(user, id);
  }

  @Post(':offerId/decline')
  @HttpCode(200)
  @Roles('host', 'coordinator', 'admin')
  decline(@CurrentUser() user: AuthenticatedUser, @Param('offerId', new ParseUUIDPipe()) id: string, @Body() body: DeclineDto) {
    return this.offers.decline(user, id, body);
  }

  @Post(':offerId/withdraw')
  @HttpCode(200)
  @Roles('host', 'coordinator', 'admin')
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param('offerId', new ParseUUIDPipe()) id: string, @Body() body: WithdrawDto) {
    return this.offers.withdraw(user, id, body);
  }
}
