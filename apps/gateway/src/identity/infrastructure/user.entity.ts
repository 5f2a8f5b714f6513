import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A person with an account. The password is stored only as an argon2id hash (PHC string). */
@Entity('app_user')
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** As typed; unique case-insensitively (unique index on lower(email)). */
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  /** BCP 47. */
  @Column('text')
  language!: string;

  @Column('text', { select: false })
  passwordHash!: string;

  @Column('boolean', { default: false })
  disabled!: boolean;

  /** Carried in access tokens as `sv`; raised to end every token issued before (see SessionRevoker). */
  @Column('integer', { default: 1 })
  sessionVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
