import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

/**
 * Matching runs, offers and placements. Topic `host-matching.placement.events`, key: delegation id
 * (so every offer and placement of one delegation stays in order on one partition). An offer's id
 * is also the placement's id once it is accepted. Only ids, the family's address (the drop-off point
 * logistics needs) and the guest's given name travel: never the guest's diet, allergies or date of birth.
 */

/** `matching-run.completed` v1 — a matching run for a delegation finished (proposals stored). */
export class MatchingRunCompletedV1 {
  @IsUUID() runId!: string;
  @IsUUID() delegationId!: string;
  @IsInt() @Min(0) guests!: number;
  @IsInt() @Min(0) placed!: number;
  @IsInt() @Min(0) unplaced!: number;
  @IsInt() totalScore!: number;
  /** the optimality certificate held */
  @IsBoolean() optimal!: boolean;
  @IsNumber() durationMs!: number;
  /** 'coordinator' (a run asked for over the API) or 'rematch' (after a decline, expiry or withdrawal) */
  @IsIn(['coordinator', 'rematch']) trigger!: string;
  @IsOptional() @IsUUID() startedByUserId?: string;
}

export const OFFER_ORIGINS = ['matching', 'rematch', 'manual'] as const;

/** `offer.made` v1 — a family was offered a guest, with the deadline to answer by. */
export class OfferMadeV1 {
  @IsUUID() offerId!: string;
  @IsUUID() delegationId!: string;
  @IsUUID() memberId!: string;
  @IsUUID() participantId!: string;
  @IsUUID() familyId!: string;
  /** the users who manage the family (the offer's recipients) */
  @IsUUID('all', { each: true }) hostUserIds!: string[];
  @IsString() @MaxLength(120) guestGivenName!: string;
  @IsISO8601() deadlineAt!: string;
  @IsIn(OFFER_ORIGINS) origin!: string;
  /** hard rules a coordinator knowingly broke (manual assignments only) */
  @IsOptional() @IsArray() @IsString({ each: true }) brokenRules?: string[];
}

class OfferOutcomeBase {
  @IsUUID() offerId!: string;
  @IsUUID() delegationId!: string;
  @IsUUID() memberId!: string;
  @IsUUID() participantId!: string;
  @IsUUID() familyId!: string;
  @IsUUID('all', { each: true }) hostUserIds!: string[];
}

/** `offer.accepted` v1 — the host accepted (a minor's placement is confirmed only once guardian consent is on file). */
export class OfferAcceptedV1 extends OfferOutcomeBase {
  @IsUUID() byUserId!: string;
  @IsBoolean() awaitingGuardianConsent!: boolean;
}

/** `offer.declined` v1 — the host declined, with a reason; the guest is re-matched automatically. */
export class OfferDeclinedV1 extends OfferOutcomeBase {
  @IsUUID() byUserId!: string;
  @IsString() @MaxLength(500) reason!: string;
}

/** `offer.expired` v1 — nobody answered before the deadline (an end state); the guest is re-matched. */
export class OfferExpiredV1 extends OfferOutcomeBase {
  @IsISO8601() deadlineAt!: string;
}

export const WITHDRAWAL_KINDS = ['host-withdrew', 'moved-by-rematch', 'coordinator'] as const;

/** `offer.withdrawn` v1 — an offer or acceptance was taken back: by the host (with a reason), or moved by a re-match. */
export class OfferWithdrawnV1 extends OfferOutcomeBase {
  @IsIn(WITHDRAWAL_KINDS) kind!: string;
  @IsString() @MaxLength(500) reason!: string;
  @IsOptional() @IsUUID() byUserId?: string;
}

/** `placement.confirmed` v1 — accepted and, for a minor, guardian consent on file: the guest will stay with this family. */
export class PlacementConfirmedV1 extends OfferOutcomeBase {
  @IsString() familyName!: string;
  @IsString() address!: string;
  @IsOptional() @IsNumber() latitude?: number;
  @IsOptional() @IsNumber() longitude?: number;
  @IsISO8601({ strict: true }) stayFrom!: string;
  @IsISO8601({ strict: true }) stayTo!: string;
}

// `moved-with-group`: an accepted member of a together group moved by the re-match with the rest of the group
export const RELEASE_REASONS = ['delegation-cancelled', 'member-removed', 'host-withdrew', 'lodging-changed', 'moved-with-group'] as const;

/** `placement.released` v1 — an accepted or confirmed placement no longer holds. */
export class PlacementReleasedV1 extends OfferOutcomeBase {
  @IsIn(RELEASE_REASONS) reason!: string;
}

/** `guest.unplaced` v1 — a guest who needs a homestay has no family after a run, with the rule that left none. */
export class GuestUnplacedV1 {
  @IsUUID() delegationId!: string;
  @IsUUID() memberId!: string;
  @IsUUID() participantId!: string;
  @IsOptional() @IsUUID() runId?: string;
  /** the hard rule code, or BEDS_TAKEN when feasible families exist but their beds went to others */
  @IsString() rule!: string;
  @IsString() @MaxLength(500) reason!: string;
}
