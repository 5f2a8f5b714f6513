import { randomUUID } from 'node:crypto';
import { ProgrammeArea } from '../../partnerships/domain/programme-area';
import { DelegationRuleError } from './delegation-error';
import { isIanaTimeZone } from './time-zone';

export type DelegationStatus = 'draft' | 'planning' | 'confirmed' | 'in-progress' | 'completed' | 'cancelled';
export type DelegationDirection = 'inbound' | 'outbound';
export const DELEGATION_DIRECTIONS: DelegationDirection[] = ['inbound', 'outbound'];

export interface NewDelegation {
  organisationId: string;
  createdBy: string;
  title: string;
  hostCity: string;
  startDate: string;
  endDate: string;
  /** inbound: we host; outbound: we visit (default outbound). */
  direction?: DelegationDirection;
  partnershipId?: string | null;
  purpose?: string;
  programmeArea?: ProgrammeArea | null;
  /** IANA zone of the host city (default UTC). */
  hostTimeZone?: string;
  /** The adult-ratio setting: one adult for every N minors (default 5). */
  minorsPerAdult?: number;
}

/** What a PATCH may change. */
export interface DelegationChanges {
  title?: string;
  purpose?: string;
  hostCity?: string;
  hostTimeZone?: string;
  startDate?: string;
  endDate?: string;
  programmeArea?: ProgrammeArea | null;
  direction?: DelegationDirection;
  partnershipId?: string | null;
  minorsPerAdult?: number;
}

export interface DelegationState {
  status: DelegationStatus;
  title: string;
  purpose: string;
  hostCity: string;
  hostTimeZone: string;
  startDate: string;
  endDate: string;
  programmeArea: string | null;
  direction: string;
  partnershipId: string | null;
  minorsPerAdult: number;
}

/** The delegation aggregate's rules; no framework code here. */
export class Delegation {
  private constructor(
    readonly id: string,
    readonly organisationId: string,
    readonly createdBy: string,
    readonly title: string,
    readonly hostCity: string,
    readonly startDate: string,
    readonly endDate: string,
    readonly status: DelegationStatus,
    readonly direction: DelegationDirection,
    readonly partnershipId: string | null,
    readonly purpose: string,
    readonly programmeArea: ProgrammeArea | null,
    readonly hostTimeZone: string,
    readonly minorsPerAdult: number,
  ) {}

  static create(input: NewDelegation): Delegation {
    const title = input.title.trim();
    const hostCity = input.hostCity.trim();
    if (!title) throw new DelegationRuleError('DELEGATION.TITLE_REQUIRED', 'title must not be empty', 'title');
    if (!hostCity) throw new DelegationRuleError('DELEGATION.HOST_CITY_REQUIRED', 'hostCity must not be empty', 'hostCity');
    if (input.endDate < input.startDate) {
      throw new DelegationRuleError('DELEGATION.END_BEFORE_START', 'endDate must not be before startDate', 'endDate');
    }
    const hostTimeZone = input.hostTimeZone ?? 'UTC';
    if (!isIanaTimeZone(hostTimeZone)) throw new DelegationRuleError('DELEGATION.TIME_ZONE_INVALID', 'hostTimeZone must be an IANA time zone (e.g. Asia/Shanghai)', 'hostTimeZone');
    const minorsPerAdult = input.minorsPerAdult ?? 5;
    Delegation.assertRatioSetting(minorsPerAdult);
    return new Delegation(randomUUID(), input.organisationId, input.createdBy, title, hostCity, input.startDate, input.endDate, 'draft',
      input.direction ?? 'outbound', input.partnershipId ?? null, (input.purpose ?? '').trim(), input.programmeArea ?? null, hostTimeZone, minorsPerAdult);
  }

  /**
   * Applies a PATCH to the current state: returns the fields that really change (none: a no-op).
   * Nothing changes once the delegation is completed or cancelled; dates are locked once in progress.
   */
  static applyChanges(current: DelegationState, changes: DelegationChanges): Partial<DelegationState> {
    const changed: Partial<DelegationState> = {};
    for (const [key, value] of Object.entries(changes) as [keyof DelegationChanges, unknown][]) {
      if (value === undefined) continue;
      const next = typeof value === 'string' && (key === 'title' || key === 'hostCity' || key === 'purpose') ? value.trim() : value;
      if (next !== current[key]) (changed as Record<string, unknown>)[key] = next;
    }
    if (Object.keys(changed).length === 0) return changed;
    if (current.status === 'completed' || current.status === 'cancelled') {
      throw new DelegationRuleError('DELEGATION.CLOSED', `a ${current.status} delegation cannot be changed`, undefined, { status: current.status });
    }
    if (changed.title !== undefined && !changed.title) throw new DelegationRuleError('DELEGATION.TITLE_REQUIRED', 'title must not be empty', 'title');
    if (changed.hostCity !== undefined && !changed.hostCity) throw new DelegationRuleError('DELEGATION.HOST_CITY_REQUIRED', 'hostCity must not be empty', 'hostCity');
    if ((changed.startDate !== undefined || changed.endDate !== undefined) && current.status === 'in-progress') {
      throw new DelegationRuleError('DELEGATION.DATES_LOCKED', 'the dates of a delegation in progress cannot change', undefined, { status: current.status });
    }
    const start = changed.startDate ?? current.startDate;
    const end = changed.endDate ?? current.endDate;
    if (end < start) {
      throw new DelegationRuleError('DELEGATION.END_BEFORE_START', 'endDate must not be before startDate', changed.endDate !== undefined ? 'endDate' : 'startDate');
    }
    if (changed.minorsPerAdult !== undefined) Delegation.assertRatioSetting(changed.minorsPerAdult);
    return changed;
  }

  private static assertRatioSetting(n: number): void {
    if (!Number.isInteger(n) || n < 1 || n > 20) throw new DelegationRuleError('DELEGATION.RATIO_INVALID', 'minorsPerAdult must be an integer from 1 to 20', 'minorsPerAdult');
  }

  /**
   * Sharing gives the other side of the visit access to the delegation, its members' names and, per the
   * sensitive-fields rule, some of their needs: so it goes only to the partner organisation of the delegation's
   * partnership (the sister city's own organisation on the platform), never to an id a caller typed in. No
   * partnership, or a partnership whose partner is not on the platform: nobody to share with.
   */
  static assertCanShareWith(ownerOrganisationId: string, partnerOrganisationId: string, partnership: { id: string; partnerOrganisationId: string | null } | null): void {
    if (ownerOrganisationId === partnerOrganisationId) {
      throw new DelegationRuleError('DELEGATION.SHARE_WITH_SELF', 'a delegation cannot be shared with its own organisation', 'organisationId');
    }
    if (!partnership || partnership.partnerOrganisationId !== partnerOrganisationId) {
      const why = !partnership ? 'this delegation belongs to no partnership'
        : !partnership.partnerOrganisationId ? 'its partnership names no partner organisation' : `organisation ${partnerOrganisationId} is not its partnership's partner organisation`;
      throw new DelegationRuleError('DELEGATION.SHARE_NOT_PARTNER', `a delegation is shared only with the partner organisation of its partnership: ${why}`, undefined, {
        partnershipId: partnership?.id ?? null, partnerOrganisationId: partnership?.partnerOrganisationId ?? null, organisationId: partnerOrganisationId,
      });
    }
  }

  /** Nights of the stay (the departure day is not a night). */
  get nights(): number {
    return Math.round((Date.parse(`${this.endDate}T00:00:00Z`) - Date.parse(`${this.startDate}T00:00:00Z`)) / 86_400_000);
  }
}
