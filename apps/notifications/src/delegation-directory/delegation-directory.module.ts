import { Module } from '@nestjs/common';
import { KnownDelegationsController } from './http/known-delegations.controller';
import { RecordDelegationInDirectoryConsumer } from './messaging/record-delegation-in-directory.consumer';

@Module({
  controllers: [KnownDelegationsController],
  providers: [RecordDelegationInDirectoryConsumer],
})
export class DelegationDirectoryModule {}
