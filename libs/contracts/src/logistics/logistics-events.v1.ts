import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';

/**
 * Travel logistics (issue #6). Topic `logistics.travel.events`, key: delegation id (every segment, pickup run,
 * lodging and conflict of one delegation in order on one partition). Times travel twice: the UTC instant and the
 * local wall clock with its IANA zone. No passport data, no health data, no addresses other than drop-off points.
 */

export const TRAVEL_MODES = ['flight', 'train', 'bus', 'car'] as const;
export const SEGMENT_STATUSES = ['requested', 'booked', 'cancelled'] as const;

class SegmentPayload {
  @IsUUID() segmentId!: string;
  @IsUUID() delegationId!: string;
  /** the delegation members travelling on it (group travel: many) */
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) memberIds!: string[];
  @IsIn(TRAVEL_MODES) mode!: string;
  @IsOptional() @IsString() @MaxLength(80) carrier?: string;
  @IsOptional() @IsString() @MaxLength(20) number?: string;
  /** IATA airport code or station name */
  @IsString() @MaxLength(120) from!: string;
  @IsString() @MaxLength(120) to!: string;
  @IsISO8601() departureAt!: string;
  @IsString() departureLocal!: string;
  @IsString() departureTimeZone!: string;
  @IsISO8601() arrivalAt!: string;
  @IsString() arrivalLocal!: string;
  @IsString() arrivalTimeZone!: string;
  @IsIn(SEGMENT_STATUSES) status!: string;
  /** whether the segment brings members to the visit, takes them home, or neither */
  @IsIn(['arrival', 'departure', 'other']) direction!: string;
}

/** `segment.booked` v1 — a segment reached `booked` (or was recorded as booked). */
export class SegmentBookedV1 extends SegmentPayload {}

/** `segment.changed` v1 — times, route, carrier, members or status of a segment changed (`changed` names the fields). */
export class SegmentChangedV1 extends SegmentPayload {
  @IsArray() @IsString({ each: true }) changed!: string[];
}

/** `segment.cancelled` v1. */
export class SegmentCancelledV1 extends SegmentPayload {}

export const DRIVER_KINDS = ['host-family-member', 'volunteer', 'hired-service'] as const;

export class DropOffV1 {
  @IsIn(['homestay', 'hotel', 'unknown']) kind!: string;
  @IsString() @MaxLength(300) label!: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string;
  @IsArray() @IsUUID('all', { each: true }) memberIds!: string[];
}

class PickupPayload {
  @IsUUID() runId!: string;
  @IsUUID() delegationId!: string;
  /** IATA code */
  @IsString() @MaxLength(8) airport!: string;
  @IsISO8601() meetingAt!: string;
  @IsString() meetingLocal!: string;
  @IsString() timeZone!: string;
  @IsArray() @IsUUID('all', { each: true }) memberIds!: string[];
  @IsInt() @Min(1) seats!: number;
  @IsOptional() @IsIn(DRIVER_KINDS) driverKind?: string;
  @IsOptional() @IsString() @MaxLength(200) driverName?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DropOffV1) dropOffs!: DropOffV1[];
  /** the longest wait of anyone in the run between landing and the meeting time, minutes */
  @IsNumber() maxWaitMinutes!: number;
}

/** `pickup.planned` v1 — a new airport pickup run. */
export class PickupPlannedV1 extends PickupPayload {}

/** `pickup.changed` v1 — a run re-planned (a flight changed, a driver assigned...). */
export class PickupChangedV1 extends PickupPayload {
  @IsArray() @IsString({ each: true }) changed!: string[];
}

export const CONFLICT_KINDS = [
  'ARRIVES_AFTER_FIRST_ACTIVITY', 'NO_LODGING_FOR_NIGHT', 'DEPARTS_BEFORE_VISIT_ENDS', 'PICKUP_OVER_CAPACITY', 'MINOR_WITHOUT_ADULT_IN_RUN', 'PASSPORT_EXPIRES_TOO_SOON',
] as const;

class ConflictPayload {
  @IsUUID() conflictId!: string;
  @IsUUID() delegationId!: string;
  @IsIn(CONFLICT_KINDS) kind!: string;
  /** stable identity of the conflict (kind + subject), so raised and resolved pair up */
  @IsString() @MaxLength(300) key!: string;
  @IsOptional() @IsUUID() memberId?: string;
  @IsOptional() @IsUUID() runId?: string;
  @IsString() @MaxLength(500) message!: string;
}

/** `conflict.raised` v1 — once when a conflict appears. */
export class ConflictRaisedV1 extends ConflictPayload {}

/** `conflict.resolved` v1 — once when it no longer holds. */
export class ConflictResolvedV1 extends ConflictPayload {}

/** `lodging.assigned` v1 — where a member sleeps: a hotel room, or the host family of a confirmed placement. */
export class LodgingAssignedV1 {
  @IsUUID() delegationId!: string;
  @IsUUID() memberId!: string;
  @IsIn(['hotel', 'homestay']) kind!: string;
  @IsString() @MaxLength(200) place!: string;
  @IsOptional() @IsString() @MaxLength(40) room?: string;
  @IsISO8601({ strict: true }) checkIn!: string;
  @IsISO8601({ strict: true }) checkOut!: string;
  @IsOptional() @IsUUID() familyId?: string;
}
