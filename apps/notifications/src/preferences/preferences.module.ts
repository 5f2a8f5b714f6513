import { Module } from '@nestjs/common';
import { PreferencesController } from './http/preferences.controller';

/** Per-user opt-outs per category (issue #7, item 6); delivery reads them when it records a notification. */
@Module({ controllers: [PreferencesController] })
export class PreferencesModule {}
