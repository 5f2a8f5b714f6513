import { IsUUID } from 'class-validator';

/**
 * `delegation.shared` v1 — the owning organisation shared a delegation with its partner
 * organisation (the other side of the visit). The envelope's organisationId is the owner.
 */
export class DelegationSharedV1 {
  @IsUUID()
  delegationId!: string;

  @IsUUID()
  partnerOrganisationId!: string;

  @IsUUID()
  sharedByUserId!: string;
}
