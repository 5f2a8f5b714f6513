import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@twinning/platform-messaging';
import { PartnershipEntity } from '../../partnerships/infrastructure/partnership.entity';
import { Delegation, NewDelegation } from '../domain/delegation';
import { DelegationRuleError } from '../domain/delegation-error';
import { DelegationEntity } from '../infrastructure/delegation.entity';

/** Creates a draft delegation and its `delegation.created` event in one transaction. */
@Injectable()
export class CreateDelegationUseCase {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async execute(input: NewDelegation): Promise<DelegationEntity> {
    return this.dataSource.transaction(async (tx) => {
      let hostTimeZone = input.hostTimeZone;
      if (input.partnershipId) {
        const partnership = await tx.findOneBy(PartnershipEntity, { id: input.partnershipId, organisationId: input.organisationId });
        if (!partnership) throw new DelegationRuleError('DELEGATION.PARTNERSHIP_UNKNOWN', 'partnershipId must be one of your organisation\'s partnerships', 'partnershipId');
        // an outbound visit goes to the partner city: its zone is the natural default
        if (!hostTimeZone && (input.direction ?? 'outbound') === 'outbound') hostTimeZone = partnership.partnerTimeZone;
      }
      const delegation = Delegation.create({ ...input, hostTimeZone });
      const row = tx.create(DelegationEntity, {
        id: delegation.id,
        organisationId: delegation.organisationId,
        title: delegation.title,
        hostCity: delegation.hostCity,
        startDate: delegation.startDate,
        endDate: delegation.endDate,
        status: delegation.status,
        direction: delegation.direction,
        partnershipId: delegation.partnershipId,
        purpose: delegation.purpose,
        programmeArea: delegation.programmeArea,
        hostTimeZone: delegation.hostTimeZone,
        minorsPerAdult: delegation.minorsPerAdult,
        version: 1,
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
          ...(delegation.hostTimeZone ? { hostTimeZone: delegation.hostTimeZone } : {}),
          createdByUserId: delegation.createdBy,
        },
      });
      return tx.findOneByOrFail(DelegationEntity, { id: delegation.id });
    });
  }
}
