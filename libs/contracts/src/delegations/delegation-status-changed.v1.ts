import { IsIn, IsInt, IsUUID, Min } from 'class-validator';

const STATUSES = ['draft', 'planning', 'confirmed', 'in-progress', 'completed', 'cancelled'];

/**
 * `delegation.status-changed` v1 — the delegation moved through its lifecycle (planning, confirmed,
 * in-progress, completed, cancelled). Topic `delegations.delegation.events`, keyed by delegation id.
 * The free-text cancellation reason stays in the service (it may name people): only the states travel.
 */
export class DelegationStatusChangedV1 {
  @IsUUID()
  delegationId!: string;

  @IsIn(STATUSES)
  from!: string;

  @IsIn(STATUSES)
  to!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsUUID()
  changedByUserId!: string;
}
