import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { ParticipantsService } from '../application/participants.service';
import { CreateParticipantDto, ListParticipantsDto, UpdateParticipantDto } from './participant.dto';

/**
 * `/api/delegations/participants`: the organisation's participants (people reused across delegations).
 * Youth managers, admins and coordinators; hosts will see their own guests through placements (#5).
 * Sensitive fields per the rule in libs/platform/auth (see participantView).
 */
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get()
  @Roles('youth-manager', 'admin', 'coordinator')
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListParticipantsDto) {
    return this.participants.list(user, query);
  }

  @Post()
  @Roles('youth-manager', 'admin', 'coordinator')
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateParticipantDto) {
    return this.participants.create(user, body);
  }

  @Get(':participantId')
  @Roles('youth-manager', 'admin', 'coordinator')
  get(@CurrentUser() user: AuthenticatedUser, @Param('participantId', new ParseUUIDPipe()) id: string) {
    return this.participants.get(user, id);
  }

  @Patch(':participantId')
  @Roles('youth-manager', 'admin', 'coordinator')
  update(@CurrentUser() user: AuthenticatedUser, @Param('participantId', new ParseUUIDPipe()) id: string, @Body() body: UpdateParticipantDto) {
    return this.participants.update(user, id, body);
  }

  @Get(':participantId/history')
  @Roles('youth-manager', 'admin', 'coordinator')
  history(@CurrentUser() user: AuthenticatedUser, @Param('participantId', new ParseUUIDPipe()) id: string) {
    return this.participants.history(user, id);
  }
}
