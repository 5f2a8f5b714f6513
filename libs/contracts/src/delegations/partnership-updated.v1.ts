import { ArrayNotEmpty, IsArray, IsString } from 'class-validator';
import { PartnershipRegisteredV1 } from './partnership-registered.v1';

/**
 * `partnership.updated` v1 — the partnership as it is after the change, and which fields changed.
 * Same topic, key and field rules as `partnership.registered` (no personal data).
 */
export class PartnershipUpdatedV1 extends PartnershipRegisteredV1 {
  /** Names of the fields that changed (e.g. `status`, `programmeAreas`). */
  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  changed!: string[];
}
