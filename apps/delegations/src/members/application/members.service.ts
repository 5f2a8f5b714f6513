import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { lockOwnDelegation } from '../../delegations/application/change-delegation.use-case';
import { DelegationStatus } from '../../delegations/domain/delegation';
import { DelegationRuleError } from '../../delegations/domain/delegation-error';
import { adultRatio, ageOn, AdultRatio, DelegationLifecycle, isMinorOn } from '../../delegations/domain/delegation-lifecycle';
import { DelegationEntity } from '../../delegations/infrastructure/delegation.entity';
import { visibleTo } from '../../delegations/infrastructure/delegation-visibility';
import { loadRoster, RosterRow } from '../../delegations/infrastructure/roster';
import { LodgingNeed, MemberRole } from '../domain/member';
import { DelegationMemberEntity } from '../infrastructure/delegation-member.entity';

export interface MemberView {
  id: string;
  participantId: string;
  givenName: string;
  familyName: string;
  role: string;
  lodgingNeed: string;
  isLeader: boolean;
  /** Only for the owning organisation (a partner it is shared with does not see organisers' notes). */
  notes?: string;
  ageOnStartDate: number;
  minor: boolean;
  hasValidConsent: boolean;
}

export interface Warning { code: string; message: string; details: Record<string, unknown> }

export interface MemberList {
  items: MemberView[];
  total: number;
  adultRatio: AdultRatio;
  /** What would block confirmation now (not errors until then). */
  warnings: Warning[];
}

const EDITABLE = ['role', 'lodgingNeed', 'isLeader', 'notes'] as const;

/** A delegation's members: the owner's coordinators and admins change them; readers see what delegations' readers see. */
@Injectable()
export class MembersService {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async list(user: AuthenticatedUser, delegationId: string): Promise<MemberList> {
    const qb = this.dataSource.getRepository(DelegationEntity).createQueryBuilder('d').where('d.id = :id', { id: delegationId });
    const d = await visibleTo(qb, user.organisationId).getOne();
    if (!d) throw new NotFoundException({ statusCode: 404, code: 'DELEGATION.NOT_FOUND', message: `delegation ${delegationId} not found` });
    const owner = d.organisationId === user.organisationId;
    const roster = await loadRoster(this.dataSource.manager, delegationId, d.endDate);
    const items = roster.map((r) => view(r, d.startDate, owner));
    const ratio = adultRatio(roster, d.startDate, d.minorsPerAdult);
    const warnings: Warning[] = [];
    if (!ratio.ok) warnings.push({ code: 'DELEGATION.NOT_ENOUGH_ADULTS', message: `${ratio.minors} minors need at least ${ratio.requiredAdults} adults; the group has ${ratio.adults}`, details: { ...ratio } });
    const noConsent = items.filter((m) => m.minor && !m.hasValidConsent);
    if (noConsent.length) {
      warnings.push({ code: 'DELEGATION.MINOR_WITHOUT_CONSENT', message: `${noConsent.length} minor member(s) without valid guardian consent`,
        details: { members: noConsent.map((m) => ({ memberId: m.id, participantId: m.participantId, name: `${m.givenName} ${m.familyName}` })) } });
    }
    return { items, total: items.length, adultRatio: ratio, warnings };
  }

  async add(user: AuthenticatedUser, delegationId: string, input: { participantId: string; role: MemberRole; lodgingNeed: LodgingNeed; isLeader?: boolean; notes?: string }): Promise<MemberView> {
    return this.dataSource.transaction(async (tx) => {
      const d = await this.lockOpen(tx, user, delegationId);
      const [participant] = await tx.query(`SELECT 1 FROM participant WHERE id = $1 AND organisation_id = $2`, [input.participantId, d.organisationId]);
      if (!participant) throw new DelegationRuleError('MEMBER.PARTICIPANT_UNKNOWN', 'participantId must be a participant of your organisation', 'participantId');
      const existing = await tx.findOneBy(DelegationMemberEntity, { delegationId, participantId: input.participantId });
      if (existing) throw new DelegationRuleError('MEMBER.DUPLICATE', 'this participant is already a member of the delegation', undefined, { memberId: existing.id, participantId: input.participantId });
      const id = randomUUID();
      await tx.insert(DelegationMemberEntity, {
        id, delegationId, participantId: input.participantId, role: input.role, lodgingNeed: input.lodgingNeed,
        isLeader: input.isLeader ?? false, notes: input.notes?.trim() ?? '', addedBy: user.userId,
      });
      await this.bump(tx, d);
      await this.outbox.append(tx, {
        type: 'member.added', version: 1, aggregateId: delegationId, organisationId: d.organisationId,
        payload: { delegationId, memberId: id, participantId: input.participantId, role: input.role, lodgingNeed: input.lodgingNeed, isLeader: input.isLeader ?? false, addedByUserId: user.userId },
      });
      return this.one(tx, d, id);
    });
  }

  async update(user: AuthenticatedUser, delegationId: string, memberId: string, input: Partial<Record<(typeof EDITABLE)[number], unknown>>): Promise<MemberView> {
    return this.dataSource.transaction(async (tx) => {
      const d = await lockOwnDelegation(tx, user, delegationId);
      const m = await tx.findOneBy(DelegationMemberEntity, { id: memberId, delegationId });
      if (!m) throw memberNotFound(memberId);
      const changes: Partial<DelegationMemberEntity> = {};
      for (const f of EDITABLE) {
        const v = f === 'notes' && typeof input[f] === 'string' ? (input[f] as string).trim() : input[f];
        if (v !== undefined && v !== m[f]) (changes as Record<string, unknown>)[f] = v;
      }
      if (Object.keys(changes).length === 0) return this.one(tx, d, memberId);
      assertMembersOpen(d);
      await tx.update(DelegationMemberEntity, { id: memberId }, changes);
      await this.bump(tx, d);
      const after = await tx.findOneByOrFail(DelegationMemberEntity, { id: memberId });
      await this.outbox.append(tx, {
        type: 'member.updated', version: 1, aggregateId: delegationId, organisationId: d.organisationId,
        payload: { delegationId, memberId, participantId: after.participantId, role: after.role, lodgingNeed: after.lodgingNeed, isLeader: after.isLeader, changed: Object.keys(changes), updatedByUserId: user.userId },
      });
      return this.one(tx, d, memberId);
    });
  }

  /** Idempotent: removing a member who is not (or no longer) there answers 204 too, without an event. */
  async remove(user: AuthenticatedUser, delegationId: string, memberId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const d = await lockOwnDelegation(tx, user, delegationId);
      const m = await tx.findOneBy(DelegationMemberEntity, { id: memberId, delegationId });
      if (!m) return;
      assertMembersOpen(d);
      await tx.delete(DelegationMemberEntity, { id: memberId });
      await this.bump(tx, d);
      await this.outbox.append(tx, {
        type: 'member.removed', version: 1, aggregateId: delegationId, organisationId: d.organisationId,
        payload: { delegationId, memberId, participantId: m.participantId, removedByUserId: user.userId },
      });
    });
  }

  private async lockOpen(tx: EntityManager, user: AuthenticatedUser, delegationId: string): Promise<DelegationEntity> {
    const d = await lockOwnDelegation(tx, user, delegationId);
    assertMembersOpen(d);
    return d;
  }

  /** A member change is a change of the delegation: its version moves (optimistic readers see it). */
  private async bump(tx: EntityManager, d: DelegationEntity): Promise<void> {
    await tx.update(DelegationEntity, { id: d.id }, { version: d.version + 1 });
  }

  private async one(tx: EntityManager, d: DelegationEntity, memberId: string): Promise<MemberView> {
    const row = (await loadRoster(tx, d.id, d.endDate)).find((r) => r.memberId === memberId);
    if (!row) throw memberNotFound(memberId);
    return view(row, d.startDate, true);
  }
}

function assertMembersOpen(d: DelegationEntity): void {
  if (DelegationLifecycle.closed(d.status as DelegationStatus)) {
    throw new DelegationRuleError('DELEGATION.MEMBERS_LOCKED', `the members of a ${d.status} delegation cannot change`, undefined, { status: d.status });
  }
}

function memberNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'MEMBER.NOT_FOUND', message: `member ${id} not found` });
}

function view(r: RosterRow, startDate: string, owner: boolean): MemberView {
  return {
    id: r.memberId, participantId: r.participantId, givenName: r.givenName, familyName: r.familyName, role: r.role, lodgingNeed: r.lodgingNeed,
    isLeader: r.isLeader, ...(owner ? { notes: r.notes } : {}), ageOnStartDate: ageOn(r.dateOfBirth, startDate), minor: isMinorOn(r.dateOfBirth, startDate),
    hasValidConsent: r.hasValidConsent,
  };
}
