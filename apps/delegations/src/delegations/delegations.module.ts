import { Module } from '@nestjs/common';
import { CreateDelegationUseCase } from './application/create-delegation.use-case';
import { GetDelegationQuery } from './application/get-delegation.query';
import { ListDelegationsQuery } from './application/list-delegations.query';
import { DelegationsController } from './http/delegations.controller';

@Module({
  controllers: [DelegationsController],
  providers: [CreateDelegationUseCase, GetDelegationQuery, ListDelegationsQuery],
})
export class DelegationsModule {}
