import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One failed login, counted per account and per client address (shared by every gateway instance). */
@Entity('login_failure')
export class LoginFailureEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** The normalised email that was tried (whether or not an account has it). */
  @Column('text')
  account!: string;

  @Column('text')
  address!: string;

  @Column('timestamptz')
  failedAt!: Date;
}
