import { DynamicModule, Module } from '@nestjs/common';
import { MatchingService } from './application/matching.service';
import { OffersService } from './application/offers.service';
import { PlacementEngine } from './application/placement-engine';
import { PlacementSettings } from './application/placement-settings';
import { RoomingListService } from './application/rooming-list.service';
import { MatchingController } from './http/matching.controller';
import { OffersController } from './http/offers.controller';
import { RosterConsumer } from './messaging/roster.consumer';

/** Matching runs, proposals, offers and placements, and the read model of delegations they need (issue #5, items 3 to 6). */
@Module({})
export class PlacementsModule {
  /** `families` is the same FamiliesModule instance the app imports (its VettingService re-evaluates vetting at every run). */
  static forRoot(settings: { OFFER_EXPIRY_JOB_INTERVAL_MS: number }, families: DynamicModule): DynamicModule {
    return {
      module: PlacementsModule,
      imports: [families],
      controllers: [MatchingController, OffersController],
      providers: [PlacementEngine, MatchingService, OffersService, RoomingListService, RosterConsumer, { provide: PlacementSettings, useValue: new PlacementSettings(settings.OFFER_EXPIRY_JOB_INTERVAL_MS) }],
    };
  }
}
