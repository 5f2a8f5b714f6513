import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TRAVEL_MODES } from '@twinning/contracts';
import { LOCAL_TIME } from '../domain/local-time';

const LOCAL = { message: '$property must be a local wall-clock time like 2027-04-09T23:55' };

const DIRECTIONS = ['arrival', 'departure', 'other'] as const;

export class CreateSegmentDto {
  @IsIn(TRAVEL_MODES) mode!: 'flight' | 'train' | 'bus' | 'car';
  /** IATA code of the departure airport (flight) or the station's name (train, bus, car) */
  @IsString() @MinLength(1) @MaxLength(120) from!: string;
  @IsString() @MinLength(1) @MaxLength(120) to!: string;
  /** IANA zone of the station (required for train, bus and car; a flight takes its airport's zone) */
  @IsOptional() @IsString() @MaxLength(64) fromTimeZone?: string;
  @IsOptional() @IsString() @MaxLength(64) toTimeZone?: string;
  @Matches(LOCAL_TIME, LOCAL) departureLocal!: string;
  @Matches(LOCAL_TIME, LOCAL) arrivalLocal!: string;
  /** arrival: brings members to the visit; departure: takes them home; other: anything in between */
  @IsIn(DIRECTIONS) direction!: 'arrival' | 'departure' | 'other';
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true }) memberIds!: string[];
  @IsOptional() @IsString() @MaxLength(80) carrier?: string | null;
  @IsOptional() @IsString() @MaxLength(20) number?: string | null;
  /** `requested` (default) or `booked` (already booked elsewhere) */
  @IsOptional() @IsIn(['requested', 'booked']) status?: 'requested' | 'booked';
  @IsOptional() @IsString() @MaxLength(60) bookingReference?: string | null;
  @IsOptional() @IsInt() @Min(0) @Max(5) bagsPerPerson?: number;
}

/** Any subset; the route, times and members are checked again as a whole. */
export class UpdateSegmentDto {
  @IsOptional() @IsIn(TRAVEL_MODES) mode?: 'flight' | 'train' | 'bus' | 'car';
  @IsOptional() @IsString() @MinLength(1) @MaxLength(120) from?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(120) to?: string;
  @IsOptional() @IsString() @MaxLength(64) fromTimeZone?: string;
  @IsOptional() @IsString() @MaxLength(64) toTimeZone?: string;
  @IsOptional() @Matches(LOCAL_TIME, LOCAL) departureLocal?: string;
  @IsOptional() @Matches(LOCAL_TIME, LOCAL) arrivalLocal?: string;
  @IsOptional() @IsIn(DIRECTIONS) direction?: 'arrival' | 'departure' | 'other';
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true }) memberIds?: string[];
  @IsOptional() @IsString() @MaxLength(80) carrier?: string | null;
  @IsOptional() @IsString() @MaxLength(20) number?: string | null;
  @IsOptional() @IsString() @MaxLength(60) bookingReference?: string | null;
  @IsOptional() @IsInt() @Min(0) @Max(5) bagsPerPerson?: number;
  /** the version read (optimistic concurrency): 409 when the segment changed since */
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class BookSegmentDto {
  @IsOptional() @IsString() @MaxLength(60) bookingReference?: string;
}

export class ListSegmentsDto {
  @IsOptional() @IsIn(['arrival', 'departure', 'other']) direction?: string;
  @IsOptional() @IsIn(['requested', 'booked', 'cancelled']) status?: string;
  @IsOptional() @IsUUID() memberId?: string;
}

export class ManifestQueryDto {
  /** `csv`, `html`, or JSON (default; `Accept: text/csv` or `text/html` also choose) */
  @IsOptional() @IsIn(['json', 'csv', 'html']) format?: 'json' | 'csv' | 'html';
  /** include segments still `requested` (default true); cancelled ones never appear */
  @IsOptional() @IsIn(['true', 'false']) includeRequested?: 'true' | 'false';
}
