import { IsISO8601, IsUUID } from 'class-validator';

/**
 * `incident.closed` v1 — the incident was closed. Topic `delegations.incident.events`, key: incident
 * id. Only ids and the time travel (never the description or anyone's sensitive data).
 */
export class IncidentClosedV1 {
  @IsUUID()
  incidentId!: string;

  @IsUUID()
  delegationId!: string;

  @IsISO8601({ strict: true })
  closedAt!: string;

  @IsUUID()
  closedByUserId!: string;
}
