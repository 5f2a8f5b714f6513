import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ALLERGEN_CODES, DIET_CODES } from '../vocabulary/vocabulary';

/**
 * `placement.host-briefing` v1 — what the hosts of a confirmed placement must know about their guest, for the
 * welcome packet: the guest's diet and allergies and whether a smoke-free home is needed. Published by host-matching
 * together with `placement.confirmed`, in the same transaction.
 *
 * RESTRICTED topic `host-matching.host-briefing.events` (key: delegation id): only the notifications service reads
 * it (a deployment with Kafka ACLs grants read to that principal only). The host is entitled to these fields (the
 * sensitive-fields relation host-of-guest); logistics and every other consumer of `host-matching.placement.events`
 * are not, which is why they do not travel on that topic.
 */
export class PlacementHostBriefingV1 {
  @IsUUID() offerId!: string;
  @IsUUID() delegationId!: string;
  @IsUUID() memberId!: string;
  @IsUUID() participantId!: string;
  @IsUUID() familyId!: string;
  @IsString() @MaxLength(200) familyName!: string;
  @IsUUID('all', { each: true }) hostUserIds!: string[];
  @IsString() @MaxLength(120) guestGivenName!: string;
  @IsISO8601({ strict: true }) stayFrom!: string;
  @IsISO8601({ strict: true }) stayTo!: string;
  /** The diet and allergies as English words (what consumers read before the codes); the codes below are what to render. */
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) diet!: string[];
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) allergies!: string[];
  /** Codes of the vocabulary, for labels in the recipient's language (additive: absent in events written before them). */
  @IsOptional() @IsArray() @IsIn(DIET_CODES, { each: true }) dietCodes?: string[];
  @IsOptional() @IsString() @MaxLength(2000) dietNote?: string;
  @IsOptional() @IsArray() @IsIn(ALLERGEN_CODES, { each: true }) allergyCodes?: string[];
  @IsOptional() @IsString() @MaxLength(2000) allergyNote?: string;
  @IsBoolean() nonSmokingRequired!: boolean;
}
