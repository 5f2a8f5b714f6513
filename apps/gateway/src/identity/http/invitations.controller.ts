import { Body, Controller, Inject, Param, ParseUUIDPipe, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, Roles } from '@twinning/platform-auth';
import { AcceptInvitationUseCase } from '../application/accept-invitation.use-case';
import { IDENTITY_SETTINGS, IdentitySettings } from '../application/identity-settings';
import { InviteUserUseCase } from '../application/invite-user.use-case';
import { AcceptInvitationDto } from './accept-invitation.dto';
import { AddressedRequest, clientAddress } from './client-address';
import { IdentityErrorFilter } from './identity-error.filter';
import { InviteUserDto } from './invite-user.dto';

@ApiTags('identity')
@Controller('identity')
@UseFilters(IdentityErrorFilter)
export class InvitationsController {
  constructor(
    private readonly invite: InviteUserUseCase,
    private readonly accept: AcceptInvitationUseCase,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  @Post('organisations/:orgId/invitations')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Invite a person into your organisation (admin); the link travels sealed to the notifications service in the user.invited event.' })
  create(@CurrentUser() user: AuthenticatedUser, @Param('orgId', new ParseUUIDPipe()) orgId: string, @Body() body: InviteUserDto) {
    return this.invite.execute(user, orgId, body);
  }

  @Post('invitations/accept')
  @Public()
  @ApiOperation({ summary: 'Accept an invitation with its token: sets the password of a new account (or links an existing one). 410 when used or expired; checking an existing account\'s password is throttled like signing in (429).' })
  acceptInvitation(@Body() body: AcceptInvitationDto, @Req() req: AddressedRequest) {
    return this.accept.execute(body, clientAddress(req, this.settings.trustedProxyHops));
  }
}
