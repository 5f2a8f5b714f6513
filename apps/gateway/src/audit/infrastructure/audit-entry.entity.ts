import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One state-changing request that passed through the gateway (its own endpoints and the proxied ones). */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('timestamptz')
  occurredAt!: Date;

  /** From the verified access token; null when the request carried none (or an invalid one). */
  @Column('uuid', { nullable: true })
  userId!: string | null;

  @Column('uuid', { nullable: true })
  organisationId!: string | null;

  @Column('text')
  method!: string;

  /** The path without its query string (queries may carry secrets). */
  @Column('text')
  path!: string;

  @Column('int')
  status!: number;

  @Column('text', { nullable: true })
  correlationId!: string | null;

  @Column('text', { nullable: true })
  clientAddress!: string | null;

  @Column('int')
  durationMs!: number;

  /** What happened, when the entry is more than a request: `sign-in-failed`, `sign-in-throttled`. */
  @Column('text', { nullable: true })
  eventCode!: string | null;

  /** The account a failed or throttled sign-in tried (a member of this entry's organisation). */
  @Column('uuid', { nullable: true })
  accountUserId!: string | null;
}
