import { IsIn, IsISO8601, IsUUID } from 'class-validator';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES } from './incident-opened.v1';

/**
 * `incident.escalation-overdue` v1 — the escalation clock ran out: the incident was not marked
 * reported by its deadline (e.g. an abuse allegation 72 h after opening). Raised once per incident by
 * the delegations service's escalation job. Topic `delegations.incident.events`, key: incident id.
 *
 * What travels: ids, type, severity, opening time, deadline and when the job noticed. Never the
 * description, medical notes, allergies or guardian contacts.
 */
export class IncidentEscalationOverdueV1 {
  @IsUUID()
  incidentId!: string;

  @IsUUID()
  delegationId!: string;

  @IsIn(INCIDENT_TYPES)
  type!: string;

  @IsIn(INCIDENT_SEVERITIES)
  severity!: string;

  @IsISO8601({ strict: true })
  openedAt!: string;

  @IsISO8601({ strict: true })
  reportDueAt!: string;

  @IsISO8601({ strict: true })
  raisedAt!: string;
}
