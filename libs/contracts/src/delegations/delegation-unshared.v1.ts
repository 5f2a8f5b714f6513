import { IsUUID } from 'class-validator';

/** `delegation.unshared` v1 — the owner withdrew the partner organisation's access. */
export class DelegationUnsharedV1 {
  @IsUUID()
  delegationId!: string;

  @IsUUID()
  partnerOrganisationId!: string;

  @IsUUID()
  unsharedByUserId!: string;
}
