import { IsBoolean, IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * `incident.reported` v1 — the incident was marked reported to an authority (e.g. the police, the
 * child-protection service, the partner's safeguarding lead). Topic `delegations.incident.events`,
 * key: incident id.
 *
 * What travels: ids, to whom (an authority's name, not a person's contact), when, and whether it was
 * within the escalation clock. Never the description, medical notes, allergies or guardian contacts.
 */
export class IncidentReportedV1 {
  @IsUUID()
  incidentId!: string;

  @IsUUID()
  delegationId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reportedTo!: string;

  @IsISO8601({ strict: true })
  reportedAt!: string;

  @IsBoolean()
  withinDeadline!: boolean;

  @IsUUID()
  reportedByUserId!: string;
}
