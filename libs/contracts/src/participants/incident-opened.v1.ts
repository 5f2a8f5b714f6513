import { IsArray, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';

export const INCIDENT_TYPES = ['abuse-allegation', 'injury', 'illness', 'missing-person', 'behaviour', 'other'] as const;
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/**
 * `incident.opened` v1 — an incident was recorded during a delegation. Topic
 * `delegations.incident.events`, key: incident id.
 *
 * What travels: ids (delegation, the people involved), type, severity, when it happened and was
 * opened, and the escalation clock's deadline (`reportDueAt`, null when none). The description never
 * travels (it is for youth managers and admins only), nor medical notes, allergies or guardian contacts.
 */
export class IncidentOpenedV1 {
  @IsUUID()
  incidentId!: string;

  @IsUUID()
  delegationId!: string;

  @IsIn(INCIDENT_TYPES)
  type!: string;

  @IsIn(INCIDENT_SEVERITIES)
  severity!: string;

  @IsArray()
  @IsUUID('all', { each: true })
  participantIds!: string[];

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsISO8601({ strict: true })
  openedAt!: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  reportDueAt!: string | null;

  @IsUUID()
  openedByUserId!: string;
}
