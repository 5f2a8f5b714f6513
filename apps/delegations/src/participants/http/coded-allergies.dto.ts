import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ALLERGEN_CODES } from '@twinning/contracts';

/**
 * A participant's allergies: codes of the vocabulary (what the placement rules compare) and a note for people.
 * `needsCoding`: the note holds an allergy the codes do not cover yet. Left out, it is raised whenever the note
 * is new or changed (a youth manager then codes it and sends `needsCoding: false`), and kept for an unchanged note.
 */
export class CodedAllergiesDto {
  @IsArray() @ArrayMaxSize(ALLERGEN_CODES.length) @IsIn(ALLERGEN_CODES, { each: true, message: `each of allergies.codes must be one of: ${ALLERGEN_CODES.join(', ')}` })
  codes!: string[];

  @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @IsOptional() @IsBoolean() needsCoding?: boolean;
}
