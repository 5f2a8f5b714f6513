import { SelectQueryBuilder } from 'typeorm';
import { DelegationEntity } from './delegation.entity';

/** Scopes a delegation query to what an organisation may see: its own delegations and those shared with it. */
export function visibleTo(qb: SelectQueryBuilder<DelegationEntity>, organisationId: string, alias = 'd'): SelectQueryBuilder<DelegationEntity> {
  return qb.andWhere(
    `(${alias}.organisation_id = :org OR EXISTS (SELECT 1 FROM delegation_share s WHERE s.delegation_id = ${alias}.id AND s.partner_organisation_id = :org))`,
    { org: organisationId },
  );
}
