import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export const ITINERARY_CHANGES = ['added', 'updated', 'removed'] as const;
export type ItineraryChange = (typeof ITINERARY_CHANGES)[number];

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * `itinerary.changed` v1 — an activity of a delegation's itinerary was added, updated or removed
 * (one event per change; key: the delegation id; the envelope's organisationId is the owner).
 * Times travel both ways: the instants in UTC and the host city's wall clock with its IANA zone.
 * For `removed`, the fields are the activity as it was. Attendees are not carried.
 */
export class ItineraryChangedV1 {
  @IsUUID()
  delegationId!: string;

  @IsUUID()
  activityId!: string;

  @IsIn(ITINERARY_CHANGES)
  change!: ItineraryChange;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  /** The start as a UTC instant (ISO 8601, `Z`). */
  @IsISO8601({ strict: true })
  startsAt!: string;

  @IsISO8601({ strict: true })
  endsAt!: string;

  /** The start on the host city's wall clock, `YYYY-MM-DDTHH:mm:ss`, no offset. */
  @Matches(LOCAL)
  startsLocal!: string;

  @Matches(LOCAL)
  endsLocal!: string;

  /** The IANA zone of startsLocal/endsLocal (e.g. `Asia/Shanghai`). */
  @IsString()
  @IsNotEmpty()
  timeZone!: string;
}
