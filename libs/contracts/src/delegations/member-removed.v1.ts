import { IsUUID } from 'class-validator';

/** `member.removed` v1 — a participant left a delegation. Same topic and key as `member.added`; ids only. */
export class MemberRemovedV1 {
  @IsUUID()
  delegationId!: string;

  @IsUUID()
  memberId!: string;

  @IsUUID()
  participantId!: string;

  @IsUUID()
  removedByUserId!: string;
}
