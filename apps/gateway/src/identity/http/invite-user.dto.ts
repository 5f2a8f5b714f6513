import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@twinning/platform-auth';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLanguageTag } from './language-tag.validator';

export class InviteUserDto {
  @ApiProperty({ example: 'host.family@example.org' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: string[];

  @ApiPropertyOptional({ description: 'BCP 47; default: the organisation\'s default language', example: 'zh-CN' })
  @IsOptional()
  @IsLanguageTag()
  language?: string;
}
