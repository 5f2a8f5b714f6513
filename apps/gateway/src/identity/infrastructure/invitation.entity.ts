import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@twinning/platform-auth';

/** An admin's invitation; the single-use token exists only in the `user.invited` event, here only its SHA-256. */
@Entity('invitation')
export class InvitationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @Column('text')
  email!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('text')
  language!: string;

  @Column('text', { select: false })
  tokenHash!: string;

  @Column('uuid', { nullable: true })
  invitedByUserId!: string | null;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @Column('uuid', { nullable: true })
  acceptedByUserId!: string | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
