import { Body, Controller, Get, Put } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuthenticatedUser, Authenticated, CurrentUser } from '@twinning/platform-auth';
import { describePreferences, validateOptOuts } from '../domain/preferences';
import { loadOptOuts, saveOptOuts } from '../infrastructure/preference-rows';

export class PutPreferencesDto {
  /** the categories the caller does not want (email nor in-app); safety-critical types are sent anyway */
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) optOuts!: string[];
}

/** `/api/notifications/me/preferences`: the caller's own opt-outs per category (any signed-in user). */
@Controller('me/preferences')
export class PreferencesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Authenticated()
  async get(@CurrentUser() user: AuthenticatedUser) {
    return describePreferences(await loadOptOuts(this.dataSource.manager, user.userId));
  }

  @Put()
  @Authenticated()
  async put(@CurrentUser() user: AuthenticatedUser, @Body() body: PutPreferencesDto) {
    const optOuts = validateOptOuts(body.optOuts);
    await saveOptOuts(this.dataSource.manager, user.userId, optOuts);
    return describePreferences(optOuts);
  }
}
