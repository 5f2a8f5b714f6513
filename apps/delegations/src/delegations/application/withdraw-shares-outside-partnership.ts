import { EntityManager } from 'typeorm';
import { OutboxWriter } from '@twinning/platform-messaging';
import { PartnershipEntity } from '../../partnerships/infrastructure/partnership.entity';
import { DelegationEntity } from '../infrastructure/delegation.entity';
import { DelegationShareEntity } from '../infrastructure/delegation-share.entity';

/**
 * A share holds only while its organisation is the partner organisation of the delegation's partnership. When the
 * delegation moves to another partnership (or none), or the partnership names another partner organisation (or
 * none), the shares that no longer hold are withdrawn in the same transaction, each published as
 * `delegation.unshared` so every service's read model closes the door too.
 */
export async function withdrawSharesOutsidePartnership(tx: EntityManager, outbox: OutboxWriter, delegationIds: string[], byUserId: string): Promise<number> {
  let withdrawn = 0;
  for (const delegationId of delegationIds) {
    const d = await tx.findOneBy(DelegationEntity, { id: delegationId });
    if (!d) continue;
    const partnership = d.partnershipId ? await tx.findOneBy(PartnershipEntity, { id: d.partnershipId, organisationId: d.organisationId }) : null;
    const allowed = partnership?.partnerOrganisationId ?? null;
    for (const share of await tx.findBy(DelegationShareEntity, { delegationId })) {
      if (share.partnerOrganisationId === allowed) continue;
      await tx.delete(DelegationShareEntity, { delegationId, partnerOrganisationId: share.partnerOrganisationId });
      await outbox.append(tx, {
        type: 'delegation.unshared', version: 1, aggregateId: delegationId, organisationId: d.organisationId,
        payload: { delegationId, partnerOrganisationId: share.partnerOrganisationId, unsharedByUserId: byUserId },
      });
      withdrawn += 1;
    }
  }
  return withdrawn;
}
