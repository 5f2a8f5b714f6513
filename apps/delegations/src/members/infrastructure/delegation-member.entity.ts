import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A participant on a delegation, with the role they travel in and where they sleep. */
@Entity('delegation_member')
export class DelegationMemberEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  delegationId!: string;

  @Column('uuid')
  participantId!: string;

  @Column('text')
  role!: string;

  @Column('text')
  lodgingNeed!: string;

  @Column('boolean', { default: false })
  isLeader!: boolean;

  @Column('text', { default: '' })
  notes!: string;

  @Column('uuid')
  addedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
