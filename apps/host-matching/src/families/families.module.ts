import { DynamicModule, Module } from '@nestjs/common';
import { FamiliesService } from './application/families.service';
import { VettingService } from './application/vetting.service';
import { VettingSettings } from './application/vetting-settings';
import { FamiliesController } from './http/families.controller';

/** Host families and their vetting (issue #5, items 1 and 2). */
@Module({})
export class FamiliesModule {
  static forRoot(settings: { VETTING_JOB_INTERVAL_MS: number }): DynamicModule {
    return {
      module: FamiliesModule,
      controllers: [FamiliesController],
      providers: [FamiliesService, VettingService, { provide: VettingSettings, useValue: new VettingSettings(settings.VETTING_JOB_INTERVAL_MS) }],
      exports: [FamiliesService, VettingService],
    };
  }
}
