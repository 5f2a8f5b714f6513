import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@twinning/platform-auth';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn } from 'class-validator';

export class ChangeRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: string[];
}
