import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

/**
 * `participant.travel-document-changed` v1 — the passport's expiry date was recorded or changed. Topic
 * `delegations.participant.events`, key: participant id. Only the expiry date travels (logistics checks that it is
 * valid long enough after the visit); never the passport number, issuing country or visa details.
 */
export class ParticipantTravelDocumentChangedV1 {
  @IsUUID() participantId!: string;
  /** YYYY-MM-DD, or null when no passport is on file */
  @IsOptional() @IsISO8601({ strict: true }) passportExpiry!: string | null;
}
