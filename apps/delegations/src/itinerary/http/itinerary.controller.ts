import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { ItineraryService } from '../application/itinerary.service';
import { CreateActivityDto, UpdateActivityDto } from './activity.dto';

/** `/api/delegations/:id/itinerary`: the owner's coordinators plan it; partners' coordinators and youth managers read it. */
@Controller(':id/itinerary')
export class ItineraryController {
  constructor(private readonly itinerary: ItineraryService) {}

  @Get()
  @Roles('coordinator', 'admin', 'youth-manager')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.itinerary.list(user, id);
  }

  @Post()
  @Roles('coordinator', 'admin')
  add(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateActivityDto) {
    return this.itinerary.add(user, id, body);
  }

  @Patch(':activityId')
  @Roles('coordinator', 'admin')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() body: UpdateActivityDto,
  ) {
    return this.itinerary.update(user, id, activityId, body);
  }

  @Delete(':activityId')
  @Roles('coordinator', 'admin')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Param('activityId', new ParseUUIDPipe()) activityId: string) {
    await this.itinerary.remove(user, id, activityId);
  }
}
