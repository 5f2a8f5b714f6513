import { IsUUID } from 'class-validator';

export class ShareDelegationDto {
  /** The partner organisation (the other side of the visit). */
  @IsUUID()
  organisationId!: string;
}
