import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('delegation')
export class DelegationEntity {
  @PrimaryColumn('uuid')
  id!: string;

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
