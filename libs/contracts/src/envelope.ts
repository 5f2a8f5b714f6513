import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';

/**
 * Every event on Kafka is one JSON envelope. The payload class is chosen by (type, version)
 * from the catalogue in `catalog.ts`; the envelope itself is validated first.
 */
export class EventEnvelope<P extends object = object> {
  @IsUUID()
  eventId!: string;

  /** `<entity>.<event>` in the past tense, e.g. `delegation.created`. */
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/)
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsOptional()
  @IsUUID()
  organisationId!: string | null;

  @IsString()
  @IsNotEmpty()
  aggregateId!: string;

  @IsString()
  @IsNotEmpty()
  correlationId!: string;

  @IsOptional()
  @IsString()
  causationId!: string | null;

  @IsString()
  @IsNotEmpty()
  producer!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Object)
  payload!: P;
}
