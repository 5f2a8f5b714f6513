import { Body, Controller, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@twinning/platform-auth';
import { IDENTITY_SETTINGS, IdentitySettings } from '../application/identity-settings';
import { LoginUseCase } from '../application/login.use-case';
import { LogoutUseCase } from '../application/logout.use-case';
import { RefreshSessionUseCase } from '../application/refresh-session.use-case';
import { AddressedRequest, clientAddress } from './client-address';
import { IdentityErrorFilter } from './identity-error.filter';
import { LoginDto } from './login.dto';
import { RefreshTokenDto } from './refresh-token.dto';

/** `/api/identity/login`, `/refresh`, `/logout` */
@ApiTags('identity')
@Controller('identity')
@UseFilters(IdentityErrorFilter)
export class SessionsController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly refresh: RefreshSessionUseCase,
    private readonly logout: LogoutUseCase,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: a 15-minute access token for one organisation and a 30-day refresh token. 401 IDENTITY.INVALID_CREDENTIALS; 429 with Retry-After after too many failures.' })
  signIn(@Body() body: LoginDto, @Req() req: AddressedRequest) {
    return this.login.execute(body, clientAddress(req, this.settings.trustedProxyHops));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the refresh token: new access and refresh tokens; a reused token ends the whole session (401 IDENTITY.REFRESH_REUSED).' })
  rotate(@Body() body: RefreshTokenDto) {
    return this.refresh.execute(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of this refresh token (idempotent).' })
  async signOut(@Body() body: RefreshTokenDto): Promise<void> {
    await this.logout.execute(body.refreshToken);
  }
}
