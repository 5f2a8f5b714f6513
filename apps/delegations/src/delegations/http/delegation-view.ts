import { DelegationStatus } from '../domain/delegation';
import { DelegationLifecycle } from '../domain/delegation-lifecycle';
import { DelegationEntity } from '../infrastructure/delegation.entity';

/** A delegation as the API answers it: the stored fields and where its lifecycle may go next (clients do not copy the rules). */
export type DelegationView = DelegationEntity & { allowedTransitions: DelegationStatus[] };

export function delegationView(d: DelegationEntity): DelegationView {
  return { ...d, allowedTransitions: DelegationLifecycle.allowedFrom(d.status as DelegationStatus) };
}
