import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, UseFilters } from '@nestjs/common';
import { CreateDelegationUseCase } from '../application/create-delegation.use-case';
import { GetDelegationQuery } from '../application/get-delegation.query';
import { ListDelegationsQuery } from '../application/list-delegations.query';
import { CreateDelegationDto } from './create-delegation.dto';
import { DelegationRuleFilter } from './delegation-rule.filter';
import { ListDelegationsDto } from './list-delegations.dto';

/** `/api/delegations` */
@Controller()
@UseFilters(DelegationRuleFilter)
export class DelegationsController {
  constructor(
    private readonly create: CreateDelegationUseCase,
    private readonly get: GetDelegationQuery,
    private readonly list: ListDelegationsQuery,
  ) {}

  @Get()
  listDelegations(@Query() query: ListDelegationsDto) {
    return this.list.execute(query.limit, query.offset);
  }

  @Post()
  createDelegation(@Body() body: CreateDelegationDto) {
    return this.create.execute({ ...body, organisationId: null });
  }

  @Get(':id')
  getDelegation(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.get.execute(id);
  }
}
