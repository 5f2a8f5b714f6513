import { randomUUID } from 'node:crypto';
import { DelegationRuleError } from './delegation-error';

export type DelegationStatus = 'draft' | 'planning' | 'confirmed' | 'in-progress' | 'completed' | 'cancelled';

export interface NewDelegation {
  organisationId: string;
  createdBy: string;
  title: string;
  hostCity: string;
  startDate: string;
  endDate: string;
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
  ) {}

  static create(input: NewDelegation): Delegation {
    const title = input.title.trim();
    const hostCity = input.hostCity.trim();
    if (!title) throw new DelegationRuleError('DELEGATION.TITLE_REQUIRED', 'title must not be empty', 'title');
    if (!hostCity) throw new DelegationRuleError('DELEGATION.HOST_CITY_REQUIRED', 'hostCity must not be empty', 'hostCity');
    if (input.endDate < input.startDate) {
      throw new DelegationRuleError('DELEGATION.END_BEFORE_START', 'endDate must not be before startDate', 'endDate');
    }
    return new Delegation(randomUUID(), input.organisationId, input.createdBy, title, hostCity, input.startDate, input.endDate, 'draft');
  }

  /** Sharing gives the partner organisation (the other side of the visit) access; never the owner itself. */
  static assertCanShareWith(ownerOrganisationId: string, partnerOrganisationId: string): void {
    if (ownerOrganisationId === partnerOrganisationId) {
      throw new DelegationRuleError('DELEGATION.SHARE_WITH_SELF', 'a delegation cannot be shared with its own organisation', 'organisationId');
    }
  }

  /** Nights of the stay (the departure day is not a night). */
  get nights(): number {
    return Math.round((Date.parse(`${this.endDate}T00:00:00Z`) - Date.parse(`${this.startDate}T00:00:00Z`)) / 86_400_000);
  }
}
