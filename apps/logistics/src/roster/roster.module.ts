import { Global, Module } from '@nestjs/common';
import { LogisticsRosterConsumer } from './messaging/roster.consumer';
import { RosterHooks } from './roster-hooks';

/** The read model of the other services and the hooks features use to react to changes (global: every feature reads it). */
@Global()
@Module({
  providers: [RosterHooks, LogisticsRosterConsumer],
  exports: [RosterHooks],
})
export class RosterModule {}
