import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@twinning/platform-messaging';
import { Delegation, NewDelegation } from '../domain/delegation';
import { DelegationEntity } from '../infrastructure/delegation.entity';

/** Creates a draft delegation and its `delegation.created` event in one transaction. */
@Injectable()
export class CreateDelegationUseCase {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async execute(input: NewDelegation): Promise<DelegationEntity> {
    const delegation = Delegation.create(input);
    return this.dataSource.transaction(async (tx) => {
      const row = tx.create(DelegationEntity, {
        id: delegation.id,
        organisationId: delegation.organisationId,
        title: delegation.title,
        hostCity: delegation.hostCity,
        startDate: delegation.startDate,
        endDate: delegation.endDate,
        status: delegation.status,
        createdBy: delegation.createdBy,
      });
      await tx.insert(DelegationEntity, row);
      await this.outbox.append(tx, {
        type: 'delegation.created',
        version: 1,
        aggregateId: delegation.id,
        organisationId: delegation.organisationId,
        payload: {
          delegationId: delegation.id,
          title: delegation.title,
          hostCity: delegation.hostCity,
          startDate: delegation.startDate,
          endDate: delegation.endDate,
          status: delegation.status,
          createdByUserId: delegation.createdBy,
        },
      });
      return tx.findOneByOrFail(DelegationEntity, { id: delegation.id });
    });
  }
}
