import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DIET_CODES } from '@twinning/contracts';

/** A participant's diet: codes of the vocabulary (what matching scores) and a note for people (never read by a rule). */
export class CodedDietDto {
  @IsArray() @ArrayMaxSize(DIET_CODES.length) @IsIn(DIET_CODES, { each: true, message: `each of dietaryNeeds.codes must be one of: ${DIET_CODES.join(', ')}` })
  codes!: string[];

  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
