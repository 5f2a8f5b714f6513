import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { TRANSITION_TARGETS, TransitionTarget } from '../domain/delegation-lifecycle';

export class TransitionDto {
  @IsIn(TRANSITION_TARGETS)
  to!: TransitionTarget;

  /** Why (kept with a cancellation; never published). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;

  /** The version the caller saw (optional): 409 DELEGATION.VERSION_CONFLICT if it moved on. */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
