import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ListAuditDto {
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @ApiPropertyOptional({ format: 'date-time', description: 'entries at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'entries before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ enum: ['write', 'sensitive-read'], description: 'only entries of this kind' })
  @IsOptional()
  @IsIn(['write', 'sensitive-read'])
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only entries about this record (e.g. who read a participant\'s medical notes)' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}
