import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'mei.lin@tacoma-sister-cities.example' })
  @IsEmail()
  @MaxLength(320)
  email!: string;
}
