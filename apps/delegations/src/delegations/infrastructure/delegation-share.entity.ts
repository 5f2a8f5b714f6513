import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A delegation shared with the partner organisation: its coordinators may see it too. */
@Entity('delegation_share')
export class DelegationShareEntity {
  @PrimaryColumn('uuid')
  delegationId!: string;

  @PrimaryColumn('uuid')
  partnerOrganisationId!: string;

  @Column('uuid')
  sharedBy!: string;

  @Column('timestamptz')
  sharedAt!: Date;
}
