import { ApiProperty } from '@nestjs/swagger';

/** The one answer to a reset request, whether or not the address has an account. */
export class PasswordResetAcceptedDto {
  @ApiProperty({ example: 'accepted' })
  status!: 'accepted';

  @ApiProperty({ example: 'If an account has this email address, a link to choose a new password is on its way.' })
  message!: string;
}
