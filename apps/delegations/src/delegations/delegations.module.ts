import { Module } from '@nestjs/common';
import { CreateDelegationUseCase } from './application/create-delegation.use-case';
import { GetDelegationQuery } from './application/get-delegation.query';
import { DelegationsController } from './http/delegations.controller';

@Module({
  controllers: [DelegationsController],
  providers: [CreateDelegationUseCase, GetDelegationQuery],
})
export class DelegationsModule {}
