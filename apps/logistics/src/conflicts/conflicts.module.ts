import { DynamicModule, Module } from '@nestjs/common';
import { ConflictSettings, ConflictsService } from './application/conflicts.service';
import { ConflictsController } from './http/conflicts.controller';

/** Conflicts of each delegation, recomputed on every change the roster hooks report (issue #6, item 5). */
@Module({})
export class ConflictsModule {
  static forRoot(settings: { PASSPORT_VALIDITY_MONTHS: number }): DynamicModule {
    return {
      module: ConflictsModule,
      controllers: [ConflictsController],
      providers: [ConflictsService, { provide: ConflictSettings, useValue: new ConflictSettings(settings.PASSPORT_VALIDITY_MONTHS) }],
    };
  }
}
