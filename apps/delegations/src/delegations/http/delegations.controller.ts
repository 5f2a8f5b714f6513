import { Body, Controller, Get, Param, ParseUUIDPipe, Post, UseFilters } from '@nestjs/common';
import { CreateDelegationUseCase } from '../application/create-delegation.use-case';
import { GetDelegationQuery } from '../application/get-delegation.query';
import { CreateDelegationDto } from './create-delegation.dto';
import { DelegationRuleFilter } from './delegation-rule.filter';

/** `/api/delegations` */
@Controller()
@UseFilters(DelegationRuleFilter)
export class DelegationsController {
  constructor(private readonly create: CreateDelegationUseCase, private readonly get: GetDelegationQuery) {}

  @Post()
  createDelegation(@Body() body: CreateDelegationDto) {
    return this.create.execute({ ...body, organisationId: null });
  }

  @Get(':id')
  getDelegation(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.get.execute(id);
  }
}
