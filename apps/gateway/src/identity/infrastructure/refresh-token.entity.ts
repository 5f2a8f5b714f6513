import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One refresh token of a session (family); only its SHA-256 is stored. */
@Entity('refresh_token')
export class RefreshTokenEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** All tokens rotated from one login share the family; reuse of a rotated token revokes the family. */
  @Column('uuid')
  familyId!: string;

  @Column('uuid')
  userId!: string;

  /** The organisation the session acts for. */
  @Column('uuid')
  organisationId!: string;

  @Column('text', { select: false })
  tokenHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  /** `rotated`, `logout`, `reuse-detected`, `membership-ended`. */
  @Column('text', { nullable: true })
  revokedReason!: string | null;

  @Column('uuid', { nullable: true })
  replacedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
