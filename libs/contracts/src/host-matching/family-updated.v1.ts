import { IsArray, IsString } from 'class-validator';
import { FamilyRegisteredV1 } from './family-registered.v1';

/**
 * `family.updated` v1 — a host family's profile or household changed (the whole profile after the
 * change, as in `family.registered`, plus the names of the changed fields). Topic
 * `host-matching.family.events`, keyed by family id. No address, names or background-check details.
 */
export class FamilyUpdatedV1 extends FamilyRegisteredV1 {
  @IsArray()
  @IsString({ each: true })
  changed!: string[];
}
