import { Transform } from 'class-transformer';
import { IsBooleanString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DRIVER_KINDS } from '@twinning/contracts';

export class PickupSettingsDto {
  /** people landing within this many minutes of the first of a run share it (default 90) */
  @IsOptional() @IsInt() @Min(0) @Max(720) windowMinutes?: number;
  /** minutes after the last landing of a run to meet (passport control, luggage; default 45) */
  @IsOptional() @IsInt() @Min(0) @Max(240) bufferMinutes?: number;
  @IsOptional() @IsInt() @Min(1) @Max(60) seatsPerVehicle?: number;
  /** bags a vehicle takes (each segment says bags per person) */
  @IsOptional() @IsInt() @Min(1) @Max(200) luggagePerVehicle?: number;
  /** a run with a minor needs two adults (or a hired service), or must be a hired service */
  @IsOptional() @IsIn(['two-adults', 'hired-service']) minorsRule?: 'two-adults' | 'hired-service';
  /** the delegation's hotel: the drop-off of hotel members without a hotel stay of their own */
  @IsOptional() @IsString() @MaxLength(200) hotelName?: string | null;
  @IsOptional() @IsString() @MaxLength(300) hotelAddress?: string | null;
}

export class UpdateRunDto {
  /** null: no driver yet */
  @IsOptional() @IsIn(DRIVER_KINDS) driverKind?: string | null;
  @IsOptional() @IsString() @MaxLength(200) driverName?: string | null;
  /** adults riding along besides the driver */
  @IsOptional() @IsInt() @Min(0) @Max(10) extraAdults?: number;
  @IsOptional() @IsInt() @Min(1) @Max(60) seats?: number;
}

export class RunsQueryDto {
  /** also the runs a re-plan cancelled */
  @IsOptional() @IsBooleanString() includeCancelled?: string;
}

export class SheetQueryDto {
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value)) @IsIn(['html', 'csv', 'json']) format?: 'html' | 'csv' | 'json';
}
