import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MSG = { message: '$property must be a date like 2027-04-10' };

export class CreateHotelStayDto {
  @IsUUID() memberId!: string;
  @IsString() @MinLength(1) @MaxLength(200) hotel!: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string | null;
  @IsOptional() @IsString() @MaxLength(40) room?: string | null;
  /** the first night */
  @Matches(DATE, DATE_MSG) checkIn!: string;
  /** the morning of leaving (after checkIn) */
  @Matches(DATE, DATE_MSG) checkOut!: string;
}

export class UpdateHotelStayDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) hotel?: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string | null;
  @IsOptional() @IsString() @MaxLength(40) room?: string | null;
  @IsOptional() @Matches(DATE, DATE_MSG) checkIn?: string;
  @IsOptional() @Matches(DATE, DATE_MSG) checkOut?: string;
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ListHotelStaysDto {
  @IsOptional() @IsUUID() memberId?: string;
}
