import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { PartnershipEntity } from '../../partnerships/infrastructure/partnership.entity';
import { Delegation } from '../domain/delegation';
import { DelegationEntity } from '../infrastructure/delegation.entity';
import { DelegationShareEntity } from '../infrastructure/delegation-share.entity';

/**
 * Sharing is explicit and recorded: only the owning organisation shares (or unshares) its
 * delegation, only with the partner organisation of the delegation's partnership, and every other
 * service learns it from the event.
 */
@Injectable()
export class ShareDelegationUseCase {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async share(user: AuthenticatedUser, delegationId: string, partnerOrganisationId: string): Promise<DelegationShareEntity> {
    return this.dataSource.transaction(async (tx) => {
      const d = await tx.findOne(DelegationEntity, { where: { id: delegationId, organisationId: user.organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw notOwned(delegationId);
      const partnership = d.partnershipId ? await tx.findOneBy(PartnershipEntity, { id: d.partnershipId, organisationId: d.organisationId }) : null;
      Delegation.assertCanShareWith(d.organisationId, partnerOrganisationId, partnership);
      const existing = await tx.findOneBy(DelegationShareEntity, { delegationId, partnerOrganisationId });
      if (existing) return existing;
      await tx.insert(DelegationShareEntity, { delegationId, partnerOrganisationId, sharedBy: user.userId, sharedAt: new Date() });
      await this.outbox.append(tx, {
        type: 'delegation.shared', version: 1, aggregateId: delegationId, organisationId: d.organisationId,
        payload: { delegationId, partnerOrganisationId, sharedByUserId: user.userId },
      });
      return tx.findOneByOrFail(DelegationShareEntity, { delegationId, partnerOrganisationId });
    });
  }

  async unshare(user: AuthenticatedUser, delegationId: string, partnerOrganisationId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const d = await tx.findOne(DelegationEntity, { where: { id: delegationId, organisationId: user.organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw notOwned(delegationId);
      const res = await tx.delete(DelegationShareEntity, { delegationId, partnerOrganisationId });
      if (!res.affected) return;
      await this.outbox.append(tx, {
        type: 'delegation.unshared', version: 1, aggregateId: delegationId, organisationId: d.organisationId,
        payload: { delegationId, partnerOrganisationId, unsharedByUserId: user.userId },
      });
    });
  }

  async list(user: AuthenticatedUser, delegationId: string): Promise<DelegationShareEntity[]> {
    const d = await this.dataSource.getRepository(DelegationEntity).findOneBy({ id: delegationId, organisationId: user.organisationId });
    if (!d) throw notOwned(delegationId);
    return this.dataSource.getRepository(DelegationShareEntity).findBy({ delegationId });
  }
}

function notOwned(id: string): NotFoundException {
  // the same answer whether it does not exist or belongs to someone else: no existence leak
  return new NotFoundException({ statusCode: 404, code: 'DELEGATION.NOT_FOUND', message: `delegation ${id} not found` });
}
