import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate } from '@twinning/platform-http';


export class CreateHotelStayDto {
  @IsUUID() memberId!: string;
  @IsString() @MinLength(1) @MaxLength(200) hotel!: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string | null;
  @IsOptional() @IsString() @MaxLength(40) room?: string | null;
  /** the first night */
  @IsCalendarDate() checkIn!: string;
  /** the morning of leaving (after checkIn) */
  @IsCalendarDate() checkOut!: string;
}

export class UpdateHotelStayDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) hotel?: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string | null;
  @IsOptional() @IsString() @MaxLength(40) room?: string | null;
  @IsOptional() @IsCalendarDate() checkIn?: string;
  @IsOptional() @IsCalendarDate() checkOut?: string;
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ListHotelStaysDto {
  @IsOptional() @IsUUID() memberId?: string;
}
