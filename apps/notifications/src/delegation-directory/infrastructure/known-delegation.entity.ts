import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Notifications' read model of delegations (from delegation events): what it needs to address and word messages. */
@Entity('known_delegation')
export class KnownDelegationEntity {
  @PrimaryColumn('uuid')
  delegationId!: string;

  @Column('uuid', { nullable: true })
  organisationId!: string | null;

  @Column('text')
  title!: string;

  @Column('text')
  hostCity!: string;

  @Column('date')
  startDate!: string;

  @Column('date')
  endDate!: string;

  @Column('text')
  status!: string;

  @Column('uuid')
  lastEventId!: string;

  @Column('text')
  correlationId!: string;

  @Column('timestamptz')
  updatedAt!: Date;
}
