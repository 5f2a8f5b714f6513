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

  @Column('uuid')
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
