import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { PartnershipEntity } from '../../partnerships/infrastructure/partnership.entity';
import { withdrawSharesOutsidePartnership } from './withdraw-shares-outside-partnership';
import { Delegation, DelegationChanges, DelegationState, DelegationStatus } from '../domain/delegation';
import { DelegationRuleError } from '../domain/delegation-error';
import { DelegationLifecycle, TransitionTarget } from '../domain/delegation-lifecycle';
import { DelegationEntity } from '../infrastructure/delegation.entity';
import { loadRoster } from '../infrastructure/roster';

/** Locks the owner's delegation for a change (404 for anyone else, shared partners included), checking `version` if given. */
export async function lockOwnDelegation(tx: EntityManager, user: AuthenticatedUser, id: string, expectedVersion?: number): Promise<DelegationEntity> {
  const d = await tx.findOne(DelegationEntity, { where: { id, organisationId: user.organisationId }, lock: { mode: 'pessimistic_write' } });
  if (!d) throw new NotFoundException({ statusCode: 404, code: 'DELEGATION.NOT_FOUND', message: `delegation ${id} not found` });
  if (expectedVersion !== undefined && expectedVersion !== d.version) {
    throw new DelegationRuleError('DELEGATION.VERSION_CONFLICT', `the delegation changed meanwhile (version ${d.version}, not ${expectedVersion})`, undefined, { currentVersion: d.version });
  }
  return d;
}

/** Edits and lifecycle transitions of a delegation, each with its event in the same transaction. */
@Injectable()
export class ChangeDelegationUseCase {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async update(user: AuthenticatedUser, id: string, changes: DelegationChanges & { version?: number }): Promise<DelegationEntity> {
    const { version, ...fields } = changes;
    return this.dataSource.transaction(async (tx) => {
      const d = await lockOwnDelegation(tx, user, id, version);
      const changed = Delegation.applyChanges(stateOf(d), fields);
      if (Object.keys(changed).length === 0) return d;
      if (changed.partnershipId) {
        const own = await tx.findOneBy(PartnershipEntity, { id: changed.partnershipId, organisationId: user.organisationId });
        if (!own) throw new DelegationRuleError('DELEGATION.PARTNERSHIP_UNKNOWN', 'partnershipId must be one of your organisation\'s partnerships', 'partnershipId');
      }
      await tx.update(DelegationEntity, { id }, { ...(changed as Partial<DelegationEntity>), version: d.version + 1 });
      if ('partnershipId' in changed) await withdrawSharesOutsidePartnership(tx, this.outbox, [id], user.userId);
      const after = await tx.findOneByOrFail(DelegationEntity, { id });
      await this.outbox.append(tx, {
        type: 'delegation.updated', version: 1, aggregateId: id, organisationId: d.organisationId,
        payload: {
          delegationId: id, changed: Object.keys(changed).sort(), title: after.title, hostCity: after.hostCity, hostTimeZone: after.hostTimeZone,
          startDate: after.startDate, endDate: after.endDate, direction: after.direction, programmeArea: after.programmeArea,
          partnershipId: after.partnershipId, minorsPerAdult: after.minorsPerAdult, status: after.status, version: after.version, updatedByUserId: user.userId,
        },
      });
      return after;
    });
  }

  async transition(user: AuthenticatedUser, id: string, to: TransitionTarget, reason?: string, version?: number): Promise<DelegationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const d = await lockOwnDelegation(tx, user, id, version);
      const from = d.status as DelegationStatus;
      DelegationLifecycle.assertTransition(from, to);
      if (to === 'confirmed' || to === 'in-progress') {
        // members are changed under the same row lock, so the roster cannot move while we check it
        const roster = await loadRoster(tx, id, d.endDate);
        DelegationLifecycle.assertReadyToTravel(roster, d.startDate, d.endDate, d.minorsPerAdult);
      }
      await tx.update(DelegationEntity, { id }, { status: to, version: d.version + 1, ...(to === 'cancelled' ? { cancelledReason: reason ?? null } : {}) });
      await this.outbox.append(tx, {
        type: 'delegation.status-changed', version: 1, aggregateId: id, organisationId: d.organisationId,
        payload: { delegationId: id, from, to, version: d.version + 1, changedByUserId: user.userId },
      });
      return tx.findOneByOrFail(DelegationEntity, { id });
    });
  }
}

function stateOf(d: DelegationEntity): DelegationState {
  return {
    status: d.status as DelegationStatus, title: d.title, purpose: d.purpose, hostCity: d.hostCity, hostTimeZone: d.hostTimeZone,
    startDate: d.startDate, endDate: d.endDate, programmeArea: d.programmeArea, direction: d.direction, partnershipId: d.partnershipId, minorsPerAdult: d.minorsPerAdult,
  };
}
