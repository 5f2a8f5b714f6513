import { Module } from '@nestjs/common';
import { ChangeDelegationUseCase } from './application/change-delegation.use-case';
import { CreateDelegationUseCase } from './application/create-delegation.use-case';
import { GetDelegationQuery } from './application/get-delegation.query';
import { ListDelegationsQuery } from './application/list-delegations.query';
import { ShareDelegationUseCase } from './application/share-delegation.use-case';
import { DelegationsController } from './http/delegations.controller';

@Module({
  controllers: [DelegationsController],
  providers: [ChangeDelegationUseCase, CreateDelegationUseCase, GetDelegationQuery, ListDelegationsQuery, ShareDelegationUseCase],
})
export class DelegationsModule {}
