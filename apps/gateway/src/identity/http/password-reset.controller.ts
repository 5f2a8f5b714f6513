import { Body, Controller, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@twinning/platform-auth';
import { ConfirmPasswordResetUseCase } from '../application/confirm-password-reset.use-case';
import { IDENTITY_SETTINGS, IdentitySettings } from '../application/identity-settings';
import { RequestPasswordResetUseCase } from '../application/request-password-reset.use-case';
import { AddressedRequest, clientAddress } from './client-address';
import { ConfirmPasswordResetDto } from './confirm-password-reset.dto';
import { IdentityErrorFilter } from './identity-error.filter';
import { PasswordResetAcceptedDto } from './password-reset-accepted.dto';
import { RequestPasswordResetDto } from './request-password-reset.dto';

const ACCEPTED: PasswordResetAcceptedDto = { status: 'accepted', message: 'If an account has this email address, a link to choose a new password is on its way.' };

@ApiTags('identity')
@Controller('identity/password-reset')
@UseFilters(IdentityErrorFilter)
export class PasswordResetController {
  constructor(
    private readonly request: RequestPasswordResetUseCase,
    private readonly confirm: ConfirmPasswordResetUseCase,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: '"Forgot password": emails a single-use, expiring reset link in the account\'s language. Always 202 with the same body, whether or not the address has an account; 429 when this network address asked too often.' })
  @ApiAcceptedResponse({ type: PasswordResetAcceptedDto })
  async requestReset(@Body() body: RequestPasswordResetDto, @Req() req: AddressedRequest): Promise<PasswordResetAcceptedDto> {
    await this.request.execute(body.email, clientAddress(req, this.settings.trustedProxyHops));
    return ACCEPTED;
  }

  @Post('confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Choose a new password with the token of a reset link: every session of the account ends. 410 when the link was used, replaced or expired; 400 when the password breaks the policy.' })
  @ApiNoContentResponse()
  async confirmReset(@Body() body: ConfirmPasswordResetDto, @Req() req: AddressedRequest): Promise<void> {
    await this.confirm.execute(body.token, body.password, clientAddress(req, this.settings.trustedProxyHops));
  }
}
