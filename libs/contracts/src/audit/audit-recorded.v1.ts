import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const AUDIT_ACTIONS = ['write', 'sensitive-read'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * `audit.recorded` v1 — a fact for the organisation's audit trail, recorded by the service that
 * answered the request (so a request sent straight to a service port is in the trail as much as one
 * through the gateway): a state-changing request (`write`: method, path, status), or a read that
 * disclosed restricted fields of one person (`sensitive-read`: which person, which fields). Who,
 * what, when and which record only: never a body, a query string, a token or a field's value.
 * Topic `services.audit.events` (key: organisation id); the gateway keeps the trail.
 */
export class AuditRecordedV1 {
  /** The service that answered (delegations, host-matching, logistics, notifications). */
  @IsString()
  @MaxLength(40)
  service!: string;

  @IsIn(AUDIT_ACTIONS)
  action!: AuditAction;

  /** From the verified access token. */
  @IsUUID()
  userId!: string;

  @IsIn(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])
  method!: string;

  /** Without the query string (queries may carry secrets), secrets in paths redacted. */
  @IsString()
  @MaxLength(2000)
  path!: string;

  /** The HTTP status answered; 499 when the client went away first. */
  @IsInt()
  @Min(100)
  @Max(599)
  status!: number;

  @IsInt()
  @Min(0)
  durationMs!: number;

  /** The address the service saw (the gateway's, for a request through it; it forwards the client's in x-forwarded-for). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  clientAddress?: string | null;

  /** sensitive-read: the kind of record read (e.g. `participant`) and its id. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  subjectKind?: string;

  @IsOptional()
  @IsUUID()
  subjectId?: string;

  /** sensitive-read: the restricted fields disclosed (names from libs/platform/auth's sensitive-fields rule). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  fields?: string[];
}
