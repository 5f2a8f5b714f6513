import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of an organisation's audit trail: a state-changing request the gateway answered itself (or proxied to a
 * service that did not record it), or a fact a service recorded (`audit.recorded`): a write, or a sensitive read.
 */
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

  /** Who recorded it: `gateway`, or the service that answered. */
  @Column('text', { default: 'gateway' })
  source!: string;

  /** `write` (a state-changing request) or `sensitive-read` (restricted fields of one record were disclosed). */
  @Column('text', { default: 'write' })
  action!: string;

  @Column('text', { nullable: true })
  subjectKind!: string | null;

  @Column('uuid', { nullable: true })
  subjectId!: string | null;

  /** The names of the restricted fields disclosed, never their values. */
  @Column('text', { array: true, nullable: true })
  fields!: string[] | null;

  /** The `audit.recorded` event it came from (null for the gateway's own entries). */
  @Column('uuid', { nullable: true, select: false })
  eventId!: string | null;
  /** What happened, when the entry is more than a request: `sign-in-failed`, `sign-in-throttled`. */
  @Column('text', { nullable: true })
  eventCode!: string | null;

  /** The account a failed or throttled sign-in tried (a member of this entry's organisation). */
  @Column('uuid', { nullable: true })
  accountUserId!: string | null;
}
