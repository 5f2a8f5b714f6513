import { Controller, Get } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { MyPlacementsQuery } from '../application/my-placements.query';

/**
 * `GET /api/logistics/my-placements`: a host's confirmed placements with the guest's arrival, departure and airport
 * pickup. Hosts only (another role: 403); a host sees the placements of the families they host, never another's.
 */
@Controller('my-placements')
export class MyPlacementsController {
  constructor(private readonly placements: MyPlacementsQuery) {}

  @Get()
  @Roles('host')
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.placements.list(user);
  }
}
