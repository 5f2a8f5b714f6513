import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ItineraryChange } from '@twinning/contracts';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { DelegationEntity } from '../../delegations/infrastructure/delegation.entity';
import { visibleTo } from '../../delegations/infrastructure/delegation-visibility';
import { Itinerary } from '../domain/activity';
import { OverlapWarning } from '../domain/overlap';
import { ActivityEntity } from '../infrastructure/activity.entity';
import { ActivityRow, ActivityRows, DelegationFrameRow } from '../infrastructure/activity-rows';
import { ActivityView, toView, warningsFor } from './activity-view';

export interface NewActivity {
  title: string;
  venue?: string;
  address?: string;
  startsLocal: string;
  endsLocal: string;
  timeZone?: string;
  /** Omitted or null: all members. */
  attendeeMemberIds?: string[] | null;
}

export type ActivityChanges = Partial<NewActivity>;

export interface ItineraryView {
  delegationId: string;
  items: ActivityView[];
  warnings: OverlapWarning[];
}

/**
 * A delegation's itinerary. Reads: the owner's or a partner's coordinators, admins and youth
 * managers (the delegation visible to the caller's organisation). Writes: the owner's coordinators
 * and admins, while the delegation is neither completed nor cancelled; each change and its
 * `itinerary.changed` event in one transaction, the delegation row locked.
 */
@Injectable()
export class ItineraryService {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async list(user: AuthenticatedUser, delegationId: string): Promise<ItineraryView> {
    await this.visibleFrame(user, delegationId);
    const rows = await ActivityRows.ofDelegation(this.dataSource.manager, delegationId);
    const members = await ActivityRows.memberIds(this.dataSource.manager, delegationId);
    return { delegationId, items: rows.map(toView), warnings: warningsFor(rows, members) };
  }

  async add(user: AuthenticatedUser, delegationId: string, input: NewActivity): Promise<ActivityView & { warnings: OverlapWarning[] }> {
    return this.dataSource.transaction(async (tx) => {
      const frame = await this.ownedOpenFrame(tx, user, delegationId);
      const title = Itinerary.assertTitle(input.title);
      const times = Itinerary.schedule(frame, input);
      const members = await ActivityRows.memberIds(tx, delegationId);
      const chosen = input.attendeeMemberIds ?? null;
      if (chosen) Itinerary.assertAttendeesAreMembers(chosen, members);
      const id = randomUUID();
      await tx.insert(ActivityEntity, {
        id, delegationId, title, venue: input.venue?.trim() ?? '', address: input.address?.trim() ?? '',
        startsLocal: times.starts.local, endsLocal: times.ends.local, timeZone: times.zone, startsAt: times.starts.instant, endsAt: times.ends.instant,
        allMembers: !chosen, attendeeMemberIds: chosen ? [...new Set(chosen)] : [], createdBy: user.userId,
      });
      const row = (await ActivityRows.one(tx, delegationId, id))!;
      await this.publish(tx, frame, row, 'added');
      return this.withWarnings(tx, row, members);
    });
  }

  async update(user: AuthenticatedUser, delegationId: string, activityId: string, changes: ActivityChanges): Promise<ActivityView & { warnings: OverlapWarning[] }> {
    return this.dataSource.transaction(async (tx) => {
      const frame = await this.ownedOpenFrame(tx, user, delegationId);
      const current = await ActivityRows.one(tx, delegationId, activityId);
      if (!current) throw activityNotFound(activityId);
      const title = changes.title === undefined ? current.title : Itinerary.assertTitle(changes.title);
      // times not given keep their wall clock; a new timeZone re-reads both wall clocks in it
      const times = Itinerary.schedule(frame, {
        startsLocal: changes.startsLocal ?? current.startsLocal,
        endsLocal: changes.endsLocal ?? current.endsLocal,
        timeZone: changes.timeZone ?? current.timeZone,
      });
      const members = await ActivityRows.memberIds(tx, delegationId);
      let allMembers = current.allMembers;
      let attendeeMemberIds = current.attendeeMemberIds;
      if (changes.attendeeMemberIds !== undefined) {
        if (changes.attendeeMemberIds === null) {
          allMembers = true;
          attendeeMemberIds = [];
        } else {
          Itinerary.assertAttendeesAreMembers(changes.attendeeMemberIds, members);
          allMembers = false;
          attendeeMemberIds = [...new Set(changes.attendeeMemberIds)];
        }
      }
      await tx.update(ActivityEntity, { id: activityId }, {
        title, venue: changes.venue?.trim() ?? current.venue, address: changes.address?.trim() ?? current.address,
        startsLocal: times.starts.local, endsLocal: times.ends.local, timeZone: times.zone, startsAt: times.starts.instant, endsAt: times.ends.instant,
        allMembers, attendeeMemberIds,
      });
      const row = (await ActivityRows.one(tx, delegationId, activityId))!;
      await this.publish(tx, frame, row, 'updated');
      return this.withWarnings(tx, row, members);
    });
  }

  /** Idempotent: removing an activity that is not (or no longer) there answers the same, with no event. */
  async remove(user: AuthenticatedUser, delegationId: string, activityId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const frame = await this.ownedOpenFrame(tx, user, delegationId);
      const current = await ActivityRows.one(tx, delegationId, activityId);
      if (!current) return;
      await tx.delete(ActivityEntity, { id: activityId, delegationId });
      await this.publish(tx, frame, current, 'removed');
    });
  }

  private async withWarnings(tx: EntityManager, row: ActivityRow, members: string[]): Promise<ActivityView & { warnings: OverlapWarning[] }> {
    const all = await ActivityRows.ofDelegation(tx, row.delegationId);
    return { ...toView(row), warnings: warningsFor(all, members).filter((w) => w.activityIds.includes(row.id)) };
  }

  private async publish(tx: EntityManager, frame: DelegationFrameRow, row: ActivityRow, change: ItineraryChange): Promise<void> {
    await this.outbox.append(tx, {
      type: 'itinerary.changed', version: 1, aggregateId: frame.id, organisationId: frame.organisationId,
      payload: {
        delegationId: frame.id, activityId: row.id, change, title: row.title,
        startsAt: new Date(row.startsAt).toISOString(), endsAt: new Date(row.endsAt).toISOString(),
        startsLocal: row.startsLocal, endsLocal: row.endsLocal, timeZone: row.timeZone,
      },
    });
  }

  /** Writes: the owner's delegation (404 otherwise, no existence leak), not completed or cancelled (409). */
  private async ownedOpenFrame(tx: EntityManager, user: AuthenticatedUser, delegationId: string): Promise<DelegationFrameRow> {
    const frame = await ActivityRows.ownedForUpdate(tx, delegationId, user.organisationId);
    if (!frame) throw delegationNotFound(delegationId);
    Itinerary.assertOpen(frame);
    return frame;
  }

  /** Reads: owned by or shared with the caller's organisation (404 otherwise). */
  private async visibleFrame(user: AuthenticatedUser, delegationId: string): Promise<void> {
    const qb = this.dataSource.getRepository(DelegationEntity).createQueryBuilder('d').select('d.id', 'id').where('d.id = :id', { id: delegationId });
    const found = await visibleTo(qb, user.organisationId).getRawOne<{ id: string }>();
    if (!found) throw delegationNotFound(delegationId);
  }
}

function delegationNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'DELEGATION.NOT_FOUND', message: `delegation ${id} not found` });
}

function activityNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'ITINERARY.ACTIVITY_NOT_FOUND', message: `activity ${id} not found in this itinerary` });
}
