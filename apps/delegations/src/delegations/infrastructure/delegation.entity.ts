import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('delegation')
export class DelegationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The owning organisation. */
  @Column('uuid')
  organisationId!: string;

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

  /** inbound: the organisation hosts; outbound: it visits. */
  @Column('text', { default: 'outbound' })
  direction!: string;

  @Column('uuid', { nullable: true })
  partnershipId!: string | null;

  @Column('text', { default: '' })
  purpose!: string;

  @Column('text', { nullable: true })
  programmeArea!: string | null;

  /** IANA zone of the host city. */
  @Column('text', { default: 'UTC' })
  hostTimeZone!: string;

  /** The adult-ratio setting: one adult for every N minors. */
  @Column('integer', { default: 5 })
  minorsPerAdult!: number;

  @Column('text', { nullable: true })
  cancelledReason!: string | null;

  /** Incremented by every change (optimistic concurrency: PATCH and transitions accept `version`). */
  @Column('integer', { default: 1 })
  version!: number;

  @Column('uuid')
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
