import { DynamicModule, Module } from '@nestjs/common';
import { CalendarFeedsService, CalendarSettings } from './application/calendar-feeds.service';
import { CalendarFeedsController, PublicCalendarController } from './http/calendar-feeds.controller';
import { EndFeedsWhenAccessEndsConsumer } from './messaging/end-feeds-when-access-ends.consumer';
import { LogisticsOffersConsumer } from './messaging/offers.consumer';

/** Secret, revocable iCalendar feeds per delegation, participant and host family (issue #6, item 6). */
@Module({})
export class CalendarModule {
  static forRoot(settings: { CALENDAR_PUBLIC_ORIGIN: string }): DynamicModule {
    return {
      module: CalendarModule,
      controllers: [CalendarFeedsController, PublicCalendarController],
      providers: [CalendarFeedsService, LogisticsOffersConsumer, EndFeedsWhenAccessEndsConsumer, { provide: CalendarSettings, useValue: new CalendarSettings(settings.CALENDAR_PUBLIC_ORIGIN) }],
    };
  }
}
